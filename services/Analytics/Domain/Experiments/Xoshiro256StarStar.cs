namespace AmbassadorNet.Analytics.Domain.Experiments;

/// <summary>
/// The xoshiro256** generator (Blackman and Vigna, 2018), seeded by SplitMix64 as its authors
/// recommend. Ours rather than System.Random because System.Random's sequence for a seed is not
/// promised across .NET versions, and a bootstrap interval must be the same figure on every run
/// and every runtime. Not for anything secret.
/// SplitMix64: s ← s + 0x9E3779B97F4A7C15; z = s; z = (z ⊕ z≫30)·0xBF58476D1CE4E5B9;
/// z = (z ⊕ z≫27)·0x94D049BB133111EB; output z ⊕ z≫31 (four outputs fill the 256-bit state).
/// xoshiro256**: output rotl(s₁·5, 7)·9, then t = s₁≪17; s₂ ⊕= s₀; s₃ ⊕= s₁; s₁ ⊕= s₂; s₀ ⊕= s₃;
/// s₂ ⊕= t; s₃ = rotl(s₃, 45). All arithmetic is modulo 2⁶⁴.
/// </summary>
public sealed class Xoshiro256StarStar
{
    private ulong _s0, _s1, _s2, _s3;

    public Xoshiro256StarStar(ulong seed)
    {
        var splitMix = seed;
        _s0 = SplitMix64(ref splitMix);
        _s1 = SplitMix64(ref splitMix);
        _s2 = SplitMix64(ref splitMix);
        _s3 = SplitMix64(ref splitMix);
    }

    public ulong NextUInt64()
    {
        var result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>
    /// A uniform integer in [0, bound) without modulo bias (Lemire's method): the high word of
    /// x·bound, redrawing x when the low word falls in the 2⁶⁴ mod bound values that would favour
    /// some results.
    /// </summary>
    public ulong NextBelow(ulong bound)
    {
        ArgumentOutOfRangeException.ThrowIfZero(bound);
        var high = Math.BigMul(NextUInt64(), bound, out var low);
        if (low < bound)
        {
            var threshold = (0 - bound) % bound;
            while (low < threshold) high = Math.BigMul(NextUInt64(), bound, out low);
        }
        return high;
    }

    /// <summary>One SplitMix64 step; public so its published outputs can be checked.</summary>
    public static ulong SplitMix64(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }
}

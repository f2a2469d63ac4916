using System.Buffers.Binary;
using System.Security.Cryptography;

namespace AmbassadorNet.Campaigns.Domain.Experiments;

/// <summary>
/// Random assignment that anyone can check: the variant of a post is
/// SHA-256(seed as 8 bytes big-endian ‖ post id as 16 bytes, RFC 4122 order), its first 8 bytes read as
/// an unsigned big-endian number, modulo the number of variants, in the order the experiment lists
/// them. Given the recorded seed, the same post always lands in the same variant, and posts spread
/// evenly (the modulo bias over 2⁶⁴ is negligible for ten variants).
/// </summary>
public static class VariantDraw
{
    public static string Pick(long seed, Guid postId, IReadOnlyList<ExperimentVariant> variants)
    {
        Span<byte> input = stackalloc byte[24];
        BinaryPrimitives.WriteInt64BigEndian(input, seed);
        postId.TryWriteBytes(input[8..], bigEndian: true, out _);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(input, hash);
        return variants[(int)(BinaryPrimitives.ReadUInt64BigEndian(hash) % (ulong)variants.Count)].Key;
    }

    /// <summary>A seed for an experiment that named none: recorded with it, so the draw can be redone.</summary>
    public static long NewSeed() => BinaryPrimitives.ReadInt64BigEndian(RandomNumberGenerator.GetBytes(8)) & long.MaxValue;
}

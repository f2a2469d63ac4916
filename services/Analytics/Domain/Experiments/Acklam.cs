namespace AmbassadorNet.Analytics.Domain.Experiments;

/// <summary>
/// P. J. Acklam's rational approximation of the normal quantile (2003), relative error below
/// 1.15e-9: a starting point that <see cref="NormalDistribution.Quantile"/> refines to full precision.
/// Coefficients as published by Acklam.
/// </summary>
internal static class Acklam
{
    private const double TailBreak = 0.02425;

    private static readonly double[] A = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00];
    private static readonly double[] B = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01];
    private static readonly double[] C = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00];
    private static readonly double[] D = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00];

    /// <summary>Φ⁻¹(p) for 0 &lt; p ≤ 0.5 to about 1e-9.</summary>
    public static double LowerHalf(double p)
    {
        if (p < TailBreak)
        {
            // Tail: q = √(−2·ln p), x = C(q)/D(q) with D's constant term 1.
            var q = Math.Sqrt(-2 * Math.Log(p));
            return Polynomial(C, q) / (Polynomial(D, q) * q + 1);
        }
        // Centre: q = p − ½, r = q², x = q·A(r)/B(r) with B's constant term 1.
        var centred = p - 0.5;
        var r = centred * centred;
        return centred * Polynomial(A, r) / (Polynomial(B, r) * r + 1);
    }

    /// <summary>Horner: c₀·xⁿ + c₁·xⁿ⁻¹ + … + cₙ.</summary>
    private static double Polynomial(double[] coefficients, double x)
    {
        var sum = 0.0;
        foreach (var c in coefficients) sum = sum * x + c;
        return sum;
    }
}

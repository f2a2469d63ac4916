namespace AmbassadorNet.Analytics.Domain.Experiments;

/// <summary>
/// Holm's step-down correction. Comparing several variants with the control at level α each would
/// let a "winner" appear by chance far more often than α; Holm keeps the chance of any false
/// winner at α and, unlike Bonferroni (m·p), rejects more as the smaller p-values are cleared.
/// With the m p-values sorted ascending p₍₁₎ ≤ … ≤ p₍ₘ₎:
/// adjusted p₍ᵢ₎ = min(1, max over j ≤ i of (m − j + 1)·p₍ⱼ₎); a test is significant when its
/// adjusted p-value is below α. The max keeps the adjusted values in the order of the raw ones.
/// </summary>
public static class HolmCorrection
{
    /// <returns>The adjusted p-values in the order given; one p-value comes back unchanged.</returns>
    public static IReadOnlyList<double> Adjust(IReadOnlyList<double> pValues)
    {
        ArgumentNullException.ThrowIfNull(pValues);
        if (pValues.Any(p => !(p >= 0 && p <= 1))) throw new ArgumentOutOfRangeException(nameof(pValues), "A p-value is between 0 and 1.");

        var m = pValues.Count;
        var ascending = Enumerable.Range(0, m).OrderBy(i => pValues[i]).ToArray();
        var adjusted = new double[m];
        var runningMax = 0.0;
        for (var rank = 0; rank < m; rank++)
        {
            var index = ascending[rank];
            runningMax = Math.Max(runningMax, Math.Min(1, (m - rank) * pValues[index]));
            adjusted[index] = runningMax;
        }
        return adjusted;
    }
}

namespace AmbassadorNet.Analytics.Domain.Experiments;

/// <summary>
/// The Wilson score interval of a proportion. Chosen over the textbook p̂ ± z·√(p̂(1−p̂)/n) because
/// that one collapses to a zero-width interval at 0 or n successes and strays outside [0, 1] for
/// small counts, which conversion rates of a few percent hit all the time.
/// With p̂ = s/n and z = Φ⁻¹(1 − (1 − confidence)/2):
/// centre = (p̂ + z²/(2n)) / (1 + z²/n), half-width = z/(1 + z²/n) · √(p̂(1−p̂)/n + z²/(4n²)),
/// interval = centre ∓ half-width.
/// </summary>
public static class WilsonInterval
{
    /// <returns>The interval, or null when there are no trials (no rate to bound).</returns>
    public static Interval? Of(long successes, long trials, double confidence)
    {
        StatisticArguments.EnsureCounts(successes, trials, nameof(successes));
        StatisticArguments.EnsureLevel(confidence, nameof(confidence));
        if (trials == 0) return null;

        var z = NormalDistribution.TwoSidedCriticalValue(confidence);
        double n = trials, rate = successes / n, zz = z * z;
        var denominator = 1 + zz / n;
        var centre = (rate + zz / (2 * n)) / denominator;
        var halfWidth = z / denominator * Math.Sqrt(rate * (1 - rate) / n + zz / (4 * n * n));
        // At 0 (or n) successes the bound is exactly 0 (or 1) in exact arithmetic; say so rather
        // than report a rounding residue such as 1e-17.
        var low = successes == 0 ? 0 : Math.Max(0, centre - halfWidth);
        var high = successes == trials ? 1 : Math.Min(1, centre + halfWidth);
        return new Interval(low, high);
    }
}

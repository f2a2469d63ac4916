namespace AmbassadorNet.Analytics.Domain.Experiments;

/// <summary>
/// A percentile bootstrap interval of a mean (revenue per post). Revenue per post is skewed (most
/// posts sell little, a few sell a lot), so a normal interval of the mean would be wrong in shape;
/// resampling the posts themselves needs no assumption about it.
/// Method: draw B resamples of n values with replacement (<see cref="Xoshiro256StarStar"/> from the
/// seed, so the same input and seed always give the same interval), take each resample's mean,
/// sort the B means ascending, and with k = max(1, ⌈B·(1 − confidence)/2⌉) report the k-th
/// smallest and the k-th largest (order statistics, no interpolation): at B = 2,000 and 0.95,
/// k = 50, so the 50th and the 1,951st of the sorted means.
/// </summary>
public static class BootstrapInterval
{
    /// <returns>The interval, or null for fewer than two values (nothing to resample).</returns>
    public static DecimalInterval? OfMean(IReadOnlyList<decimal> values, double confidence, int resamples, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(values);
        StatisticArguments.EnsureLevel(confidence, nameof(confidence));
        ArgumentOutOfRangeException.ThrowIfLessThan(resamples, 1);
        if (values.Count < 2) return null;

        var random = new Xoshiro256StarStar(seed);
        var n = values.Count;
        var means = new decimal[resamples];
        for (var b = 0; b < resamples; b++)
        {
            var sum = 0m;
            for (var i = 0; i < n; i++) sum += values[(int)random.NextBelow((ulong)n)];
            means[b] = sum / n;
        }
        Array.Sort(means);

        var k = TailRank(resamples, confidence);
        return new DecimalInterval(means[k - 1], means[resamples - k]);
    }

    /// <summary>
    /// k = max(1, ⌈B·(1 − confidence)/2⌉), in decimal: in binary 1 − 0.95 is a hair above 0.05,
    /// which would make k = 51 instead of 50 at B = 2,000.
    /// </summary>
    public static int TailRank(int resamples, double confidence) =>
        Math.Max(1, (int)Math.Ceiling(resamples * (1m - (decimal)confidence) / 2));
}

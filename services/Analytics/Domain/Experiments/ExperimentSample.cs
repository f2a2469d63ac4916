namespace AmbassadorNet.Analytics.Domain.Experiments;

/// <summary>
/// The minimum sample below which an experiment report says "not enough data" instead of a figure,
/// and the defaults the report uses. The Wilson interval and the z-test lean on the normal
/// approximation to the binomial, which the usual rule of thumb trusts once both outcomes have
/// been seen at least 5 times; the 100-click floor keeps a rate from resting on a handful of visits
/// even when conversion is high.
/// </summary>
public static class ExperimentSample
{
    /// <summary>Clicks a variant (and the control) needs before its conversion rate is reported.</summary>
    public const long MinimumClicks = 100;

    /// <summary>Orders needed: at least 5 "successes" for the normal approximation.</summary>
    public const long MinimumOrders = 5;

    /// <summary>Clicks without an order needed: at least 5 "failures" for the normal approximation.</summary>
    public const long MinimumClicksWithoutOrder = 5;

    /// <summary>
    /// Posts a variant needs before its revenue per post gets a bootstrap interval: with fewer, the
    /// resamples repeat the same few posts and the percentiles say little.
    /// </summary>
    public const int MinimumPostsForBootstrap = 5;

    /// <summary>
    /// Bootstrap resamples: at 2,000 the 2.5% and 97.5% order statistics rest on 50 means in each
    /// tail, enough that another seed moves the bounds only slightly, and it stays cheap.
    /// </summary>
    public const int DefaultResamples = 2_000;

    /// <summary>Confidence of the reported intervals: the conventional 95%.</summary>
    public const double DefaultConfidence = 0.95;

    /// <summary>Significance level α when the brand sets none: the conventional 5%, matching 95% intervals.</summary>
    public const double DefaultSignificance = 0.05;

    /// <summary>
    /// Whether one group's conversion rate (orders ÷ clicks) rests on enough data:
    /// clicks ≥ <see cref="MinimumClicks"/>, orders ≥ <see cref="MinimumOrders"/> and
    /// clicks − orders ≥ <see cref="MinimumClicksWithoutOrder"/>. More orders than clicks (promo-code
    /// orders without a click) fails the last condition, so no rate above 1 is ever reported.
    /// </summary>
    public static bool HasEnoughForRate(ConversionCounts counts) =>
        counts.Clicks >= MinimumClicks && counts.Orders >= MinimumOrders && counts.Clicks - counts.Orders >= MinimumClicksWithoutOrder;

    /// <summary>
    /// Whether a variant's rate, Wilson interval and test against the control are reported: both
    /// the variant and the control must pass <see cref="HasEnoughForRate"/>.
    /// </summary>
    public static bool HasEnoughForComparison(ConversionCounts control, ConversionCounts variant) =>
        HasEnoughForRate(control) && HasEnoughForRate(variant);

    /// <summary>Whether a variant's revenue per post gets a bootstrap interval (at least <see cref="MinimumPostsForBootstrap"/> posts).</summary>
    public static bool HasEnoughForBootstrap(int posts) => posts >= MinimumPostsForBootstrap;
}

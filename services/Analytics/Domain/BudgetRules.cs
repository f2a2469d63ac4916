namespace AmbassadorNet.Analytics.Domain;

/// <summary>Which budget thresholds a campaign's consumption has reached; each is announced once (Budget/BudgetMonitor announces them).</summary>
public static class BudgetRules
{
    public static IReadOnlyList<int> Thresholds { get; } = [80, 100];

    /// <summary>The thresholds reached: consumed ≥ budget × threshold ÷ 100. None for a missing or non-positive budget.</summary>
    public static IEnumerable<int> Reached(decimal? budget, decimal consumed) =>
        budget is > 0m ? Thresholds.Where(t => consumed * 100m >= budget.Value * t) : [];

    /// <summary>Consumed as a percentage of the budget, 2 decimals; null without a budget.</summary>
    public static decimal? PercentConsumed(decimal? budget, decimal consumed) =>
        budget is > 0m ? Metrics.Round(consumed * 100m / budget.Value, 2) : null;
}

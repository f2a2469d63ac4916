namespace AmbassadorNet.Analytics.Domain.Experiments;

/// <summary>Argument checks shared by the interval and test functions.</summary>
internal static class StatisticArguments
{
    /// <summary>A confidence or significance level lies strictly between 0 and 1.</summary>
    public static void EnsureLevel(double level, string name)
    {
        if (!(level > 0 && level < 1)) throw new ArgumentOutOfRangeException(name, level, "A confidence or significance level is strictly between 0 and 1.");
    }

    /// <summary>Successes are counted among the trials: 0 ≤ successes ≤ trials.</summary>
    public static void EnsureCounts(long successes, long trials, string name)
    {
        if (trials < 0 || successes < 0 || successes > trials)
            throw new ArgumentOutOfRangeException(name, $"{successes} of {trials}: successes must be between 0 and the number of trials.");
    }
}

namespace AmbassadorNet.Analytics.Domain.Experiments;

/// <summary>
/// The two-proportion z-test with a pooled standard error: under "no difference" both groups share
/// one rate, best estimated from both together, so the error of the difference uses that rate.
/// p₁ = s₁/n₁ (control), p₂ = s₂/n₂ (variant), p̂ = (s₁ + s₂)/(n₁ + n₂),
/// SE = √(p̂(1 − p̂)(1/n₁ + 1/n₂)), Z = (p₂ − p₁)/SE, p-value = 2·Φ(−|Z|).
/// Valid only for samples that pass <see cref="ExperimentSample"/>'s rule (normal approximation).
/// </summary>
public static class TwoProportionZTest
{
    /// <remarks>
    /// When the pooled standard error is zero (both groups at 0% or both at 100%) the groups are
    /// indistinguishable: Z = 0 and the p-value is 1, never a division by zero.
    /// </remarks>
    public static ZTestResult Compare(long controlSuccesses, long controlTrials, long variantSuccesses, long variantTrials)
    {
        StatisticArguments.EnsureCounts(controlSuccesses, controlTrials, nameof(controlSuccesses));
        StatisticArguments.EnsureCounts(variantSuccesses, variantTrials, nameof(variantSuccesses));
        if (controlTrials == 0 || variantTrials == 0)
            throw new ArgumentOutOfRangeException(controlTrials == 0 ? nameof(controlTrials) : nameof(variantTrials), "A rate needs at least one trial.");

        double n1 = controlTrials, n2 = variantTrials;
        var difference = variantSuccesses / n2 - controlSuccesses / n1;
        var pooled = (controlSuccesses + variantSuccesses) / (n1 + n2);
        var standardError = Math.Sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
        if (standardError == 0) return new ZTestResult(difference, 0, 1);

        var z = difference / standardError;
        return new ZTestResult(difference, z, Math.Min(1, 2 * NormalDistribution.Cdf(-Math.Abs(z))));
    }
}

namespace AmbassadorNet.Analytics.Domain.Experiments;

/// <summary>
/// One variant against the control. Test and AdjustedPValue are null exactly when the status is
/// <see cref="ComparisonStatus.NotEnoughData"/>, so a report cannot show a p-value it should not.
/// </summary>
/// <param name="AdjustedPValue">Holm-adjusted over the variants with enough data; with only one such variant, the test's own p-value.</param>
public sealed record VariantOutcome(ComparisonStatus Status, ZTestResult? Test, double? AdjustedPValue)
{
    public static readonly VariantOutcome NotEnoughData = new(ComparisonStatus.NotEnoughData, null, null);

    public bool IsSignificant => Status == ComparisonStatus.Significant;
}

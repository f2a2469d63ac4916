namespace AmbassadorNet.Analytics.Domain.Experiments;

/// <summary>
/// A variant's conversion rate against the control's.
/// </summary>
/// <param name="Difference">Variant rate − control rate (positive: the variant converts better).</param>
/// <param name="Z">The difference in units of its pooled standard error.</param>
/// <param name="PValue">Two-sided: the chance of a |Z| at least this large if both rates were equal.</param>
public sealed record ZTestResult(double Difference, double Z, double PValue);

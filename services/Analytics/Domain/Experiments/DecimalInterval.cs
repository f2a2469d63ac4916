namespace AmbassadorNet.Analytics.Domain.Experiments;

/// <summary>A two-sided confidence interval of a money figure, Low ≤ High, kept in decimal like the money.</summary>
public sealed record DecimalInterval(decimal Low, decimal High);

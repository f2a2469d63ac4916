namespace AmbassadorNet.Analytics.Domain.Experiments;

/// <summary>A two-sided confidence interval of a rate, Low ≤ High.</summary>
public sealed record Interval(double Low, double High);

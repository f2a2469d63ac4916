namespace AmbassadorNet.Analytics.Domain.Experiments;

/// <summary>One experiment group's orders and clicks; its conversion rate is Orders ÷ Clicks.</summary>
public readonly record struct ConversionCounts(long Orders, long Clicks);

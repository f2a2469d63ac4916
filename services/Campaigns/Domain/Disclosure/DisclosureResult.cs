namespace AmbassadorNet.Campaigns.Domain.Disclosure;

/// <summary>The check's answer: <see cref="DisclosureStatus.Disclosed"/> by <see cref="Marker"/> or by the label, or <see cref="DisclosureStatus.Missing"/>; <see cref="Reason"/> says which in words.</summary>
public sealed record DisclosureResult(DisclosureStatus Status, string? Marker, bool ByLabel, string Reason);

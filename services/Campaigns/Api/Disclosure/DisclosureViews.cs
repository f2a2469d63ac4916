using AmbassadorNet.Campaigns.Domain.Disclosure;
using AmbassadorNet.Campaigns.Domain.Posts;

namespace AmbassadorNet.Campaigns.Api.Disclosure;

/// <summary>The policy in force; <see cref="IsDefault"/> when the brand never set its own (version 0).</summary>
public sealed record DisclosurePolicyView(
    IReadOnlyList<DisclosureMarker> Markers, bool AcceptPaidPartnershipLabel, bool IsDefault, long Version, DateTimeOffset? UpdatedAt, Guid? UpdatedByApiKeyId)
{
    public static DisclosurePolicyView From(DisclosurePolicy p) => new(p.Markers, p.AcceptPaidPartnershipLabel, p.IsDefault, p.Version, p.UpdatedAt, p.UpdatedByApiKeyId);
}

/// <summary>A post's disclosure: the status, the marker or label that disclosed it, the reason in words, and the override if any.</summary>
public sealed record PostDisclosureView(DisclosureStatus Status, string? Marker, bool ByLabel, string? Reason, DisclosureOverrideView? Override)
{
    public static PostDisclosureView From(Post p) => new(
        p.DisclosureStatus, p.DisclosureMarker, p.DisclosureByLabel, p.DisclosureReason,
        p.DisclosureOverriddenAt is { } at ? new DisclosureOverrideView(p.DisclosureOverrideNote!, p.DisclosureOverrideApiKeyId, at) : null);
}

public sealed record DisclosureOverrideView(string Note, Guid? ApiKeyId, DateTimeOffset At);

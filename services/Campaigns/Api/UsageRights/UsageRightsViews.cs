using AmbassadorNet.Campaigns.Domain.UsageRights;

namespace AmbassadorNet.Campaigns.Api.UsageRights;

public sealed record UsageGrantView(IReadOnlyList<string> Uses, IReadOnlyList<string> Territories, DateOnly StartsOn, DateOnly? EndsOn, bool MayEdit)
{
    public static UsageGrantView From(UsageGrant g) => new(g.Uses, g.Territories, g.StartsOn, g.EndsOn, g.MayEdit);

    public static IReadOnlyList<UsageGrantView> List(IEnumerable<UsageGrant> grants) => [.. grants.OrderBy(g => g.Position).Select(From)];
}

/// <summary>
/// A post's effective usage rights and where they come from: its own grants (<c>source</c> post), those of
/// its enrollment's latest accepted agreement version (<c>source</c> agreement, with its id and version),
/// or none. <c>ownSetAt</c>/<c>ownSetByApiKeyId</c>: the last change of the post's own grants, if any.
/// </summary>
public sealed record PostUsageRightsView(
    Guid PostId, UsageRightsSource? Source, Guid? AgreementId, int? AgreementVersion, DateTimeOffset? AcceptedAt, IReadOnlyList<UsageGrantView> Grants,
    UsageRightsSummary Summary, DateTimeOffset? OwnSetAt, Guid? OwnSetByApiKeyId)
{
    public static PostUsageRightsView From(Guid postId, EffectiveUsageRights r, UsageRightsSummary summary) => new(
        postId, r.Source, r.Source == UsageRightsSource.Agreement ? r.AgreementId : null, r.Source == UsageRightsSource.Agreement ? r.AgreementVersion : null,
        r.Source == UsageRightsSource.Agreement ? r.AcceptedAt : null, UsageGrantView.List(r.Grants), summary, r.SetAt, r.SetByApiKeyId);
}

/// <summary>The check's answer: allowed or not, the reason in words, where the rights come from, and the grant that allows (or came closest by date).</summary>
public sealed record UsageCheckView(bool Allowed, string Reason, UsageRightsSource? Source, Guid? AgreementId, int? AgreementVersion, UsageGrantView? Grant);

/// <summary>The policy in force; <see cref="IsDefault"/> when the brand never set its own (version 0).</summary>
public sealed record UsageRightsPolicyView(IReadOnlyList<int> ExpiryNoticeDays, bool IsDefault, long Version, DateTimeOffset? UpdatedAt, Guid? UpdatedByApiKeyId)
{
    public static UsageRightsPolicyView From(UsageRightsPolicy p) => new(p.ExpiryNoticeDays, p.IsDefault, p.Version, p.UpdatedAt, p.UpdatedByApiKeyId);
}

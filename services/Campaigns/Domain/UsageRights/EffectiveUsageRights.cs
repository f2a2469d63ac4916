namespace AmbassadorNet.Campaigns.Domain.UsageRights;

/// <summary>
/// The usage rights that hold for a post: its own grants if it has any (they replace, not add to, the
/// inherited ones); else the grants of the latest accepted version of its enrollment's agreement
/// (rights exist only once accepted: a version sent but not accepted grants nothing); else none.
/// <see cref="AgreementVersion"/> names that accepted version even when it grants nothing, so the
/// answer can say so.
/// </summary>
public sealed record EffectiveUsageRights(
    UsageRightsSource? Source, IReadOnlyList<UsageGrant> Grants, Guid? AgreementId, int? AgreementVersion, DateTimeOffset? AcceptedAt, DateTimeOffset? SetAt, Guid? SetByApiKeyId)
{
    public static EffectiveUsageRights Of(IEnumerable<UsageGrant> own, PostUsageRights? ownSet, AcceptedAgreementVersion? latestAccepted, IEnumerable<UsageGrant> agreementGrants)
    {
        var mine = own.OrderBy(g => g.Position).ToList();
        var inherited = agreementGrants.OrderBy(g => g.Position).ToList();
        return mine.Count > 0
            ? new(UsageRightsSource.Post, mine, null, null, null, ownSet?.SetAt, ownSet?.SetByApiKeyId)
            : new(inherited.Count > 0 ? UsageRightsSource.Agreement : null, inherited,
                latestAccepted?.AgreementId, latestAccepted?.AgreementVersion, latestAccepted?.AcceptedAt, ownSet?.SetAt, ownSet?.SetByApiKeyId);
    }
}

/// <summary>An accepted version of an enrollment's agreement, as far as usage rights need it.</summary>
public sealed record AcceptedAgreementVersion(Guid AgreementId, Guid EnrollmentId, int AgreementVersion, DateTimeOffset? AcceptedAt);

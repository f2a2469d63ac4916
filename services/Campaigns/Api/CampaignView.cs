using AmbassadorNet.Campaigns.Domain.Exclusivity;

namespace AmbassadorNet.Campaigns.Api;

public sealed record CampaignView(
    Guid Id, string Name, Objective? Objective, CampaignStatus Status, bool AlwaysOn, DateTimeOffset? StartsAt, DateTimeOffset? EndsAt,
    decimal? Budget, TargetingView Targeting, BriefView Brief, Terms Terms, int TermsVersion, DateTimeOffset? TermsEffectiveFrom,
    IReadOnlyList<Quota> Quotas, long Version, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string? ProductCategory)
{
    public static CampaignView From(Campaign c) => new(
        c.Id, c.Name, c.Objective, c.Status, c.AlwaysOn, c.StartsAt, c.EndsAt, c.Budget,
        new TargetingView(c.TargetNiches, c.TargetTiers, c.TargetCountries), new BriefView(c.KeyMessages, c.MustAvoid, c.RequiredDisclosure),
        c.Terms, c.TermsVersion, c.TermsEffectiveFrom, c.Quotas, c.Version, c.CreatedAt, c.UpdatedAt, c.ProductCategory);
}

public sealed record TargetingView(IReadOnlyList<string> Niches, IReadOnlyList<string> Tiers, IReadOnlyList<string> Countries);

public sealed record BriefView(IReadOnlyList<string> KeyMessages, IReadOnlyList<string> MustAvoid, string? RequiredDisclosure);

public sealed record TermsVersionView(int TermsVersion, DateTimeOffset EffectiveFrom, Terms Terms, DateTimeOffset RecordedAt)
{
    public static TermsVersionView From(CampaignTermsVersion v) => new(v.TermsVersion, v.EffectiveFrom, v.Terms, v.RecordedAt);
}

public sealed record CampaignPage(IReadOnlyList<CampaignView> Items, string? NextCursor);

public sealed record EnrollmentView(
    Guid Id, Guid CampaignId, Guid CreatorId, EnrollmentStatus Status, Plan? CommissionOverride, DateTimeOffset? OverrideEffectiveFrom,
    string? EndReason, long Version, DateTimeOffset InvitedAt, DateTimeOffset UpdatedAt, IReadOnlyList<ExclusivityConflict> ExclusivityConflicts)
{
    public static EnrollmentView From(Enrollment e) => new(
        e.Id, e.CampaignId, e.CreatorId, e.Status, e.CommissionOverride, e.OverrideEffectiveFrom, e.EndReason, e.Version, e.InvitedAt, e.UpdatedAt,
        e.ExclusivityConflicts ?? []);
}

public sealed record EnrollmentPage(IReadOnlyList<EnrollmentView> Items, string? NextCursor);

/// <summary>
/// What a bulk invitation did: how many matched the filter, how many were invited, how many already had
/// an enrollment, and how many the brand's exclusivity policy refused (refuse mode; in flag mode they are invited and flagged).
/// </summary>
public sealed record BulkInviteResult(int Matched, int Invited, int AlreadyEnrolled, int RefusedForExclusivity);

/// <summary>A deliverable; <see cref="PostId"/> is the recorded post it was last submitted as (null for a bare URL).</summary>
public sealed record DeliverableView(
    Guid Id, Guid EnrollmentId, Guid CreatorId, DeliverableType Type, DateOnly DueDate, DeliverableStatus Status, string? SubmittedUrl, Guid? PostId,
    DateTimeOffset? SubmittedAt, string? ReviewNote, decimal? FeeAmount, string? FeeCurrency, long Version)
{
    public static DeliverableView From(Deliverable d) => new(
        d.Id, d.EnrollmentId, d.CreatorId, d.Type, d.DueDate, d.Status, d.SubmittedUrl, d.PostId, d.SubmittedAt, d.ReviewNote, d.FeeAmount, d.FeeCurrency, d.Version);
}

/// <summary>An active enrollment short of a quota in the month: <c>delivered</c> counts submitted and approved deliverables.</summary>
public sealed record QuotaShortfall(Guid EnrollmentId, Guid CreatorId, DeliverableType Type, int Required, int Delivered);

public sealed record QuotaReport(string Month, IReadOnlyList<QuotaShortfall> Behind);

namespace AmbassadorNet.Campaigns.Api.Me;

/// <summary>
/// An invitation or enrollment as its creator sees it: the campaign's brief and the terms they would
/// earn under, never what is the brand's business alone (budget, targeting, quotas).
/// </summary>
public sealed record MyEnrollmentView(
    Guid Id, EnrollmentStatus Status, string? EndReason, DateTimeOffset InvitedAt, DateTimeOffset UpdatedAt, CampaignForCreatorView Campaign,
    Plan? CommissionOverride, DateTimeOffset? OverrideEffectiveFrom, long Version)
{
    public static MyEnrollmentView From(Enrollment e, Campaign c) => new(
        e.Id, e.Status, e.EndReason, e.InvitedAt, e.UpdatedAt, CampaignForCreatorView.From(c), e.CommissionOverride, e.OverrideEffectiveFrom, e.Version);
}

public sealed record CampaignForCreatorView(
    Guid Id, string Name, CampaignStatus Status, bool AlwaysOn, DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, BriefView Brief, Terms Terms)
{
    public static CampaignForCreatorView From(Campaign c) => new(
        c.Id, c.Name, c.Status, c.AlwaysOn, c.StartsAt, c.EndsAt, new BriefView(c.KeyMessages, c.MustAvoid, c.RequiredDisclosure), c.Terms);
}

public sealed record MyEnrollmentPage(IReadOnlyList<MyEnrollmentView> Items, string? NextCursor);

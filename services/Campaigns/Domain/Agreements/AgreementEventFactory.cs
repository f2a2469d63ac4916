using AmbassadorNet.Contracts.Campaigns;

namespace AmbassadorNet.Campaigns.Domain.Agreements;

/// <summary>Agreement events, each with the row's version and the state without the text.</summary>
public static class AgreementEventFactory
{
    public static AgreementState State(Agreement a) => new(
        a.Id, a.EnrollmentId, a.CampaignId, a.CreatorId, a.AgreementVersion, SnakeCaseEnums.Name(a.Status), a.TextSha256, a.SentAt, a.AcceptBy, a.AcceptedAt, a.AcceptedWithKeyId);

    public static AgreementSent Sent(Agreement a) => new(a.BrandId, a.UpdatedAt, a.Id, a.Version, State(a));

    public static AgreementAccepted Accepted(Agreement a) => new(a.BrandId, a.UpdatedAt, a.Id, a.Version, State(a));

    public static AgreementExpired Expired(Agreement a) => new(a.BrandId, a.UpdatedAt, a.Id, a.Version, State(a));
}

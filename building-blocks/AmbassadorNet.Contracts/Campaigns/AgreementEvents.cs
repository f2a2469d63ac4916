namespace AmbassadorNet.Contracts.Campaigns;

/// <summary>
/// One version of an enrollment's agreement as events carry it: never the text (it names the person),
/// only its SHA-256, which is what the creator confirms when accepting. <see cref="Status"/>: sent,
/// accepted, superseded, expired.
/// </summary>
public sealed record AgreementState(
    Guid AgreementId,
    Guid EnrollmentId,
    Guid CampaignId,
    Guid CreatorId,
    int AgreementVersion,
    string Status,
    string TextSha256,
    DateTimeOffset SentAt,
    DateTimeOffset AcceptBy,
    DateTimeOffset? AcceptedAt,
    Guid? AcceptedWithKeyId);

/// <summary>A new version of an enrollment's agreement was sent to the creator; an earlier version still waiting is superseded.</summary>
public sealed record AgreementSent(Guid BrandId, DateTimeOffset OccurredAt, Guid AgreementId, long Version, AgreementState Agreement) : IReplicatedState;

/// <summary>The creator accepted the version whose text has <see cref="AgreementState.TextSha256"/>, with their own credential.</summary>
public sealed record AgreementAccepted(Guid BrandId, DateTimeOffset OccurredAt, Guid AgreementId, long Version, AgreementState Agreement) : IReplicatedState;

/// <summary>The version was not accepted by <see cref="AgreementState.AcceptBy"/>; the brand may send a new one.</summary>
public sealed record AgreementExpired(Guid BrandId, DateTimeOffset OccurredAt, Guid AgreementId, long Version, AgreementState Agreement) : IReplicatedState;

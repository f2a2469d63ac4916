namespace AmbassadorNet.Contracts.Members;

/// <summary>
/// A member of a brand's staff was erased on request (issue #32): their name, email and identity at the
/// brand's provider are gone from the gateway. Whoever keeps personal data under the member id (the audit
/// trail, a partner's copy) removes it; the id stays, so records that name who did what still add up.
/// </summary>
public sealed record MemberErased(Guid BrandId, DateTimeOffset OccurredAt, Guid MemberId) : IIntegrationEvent;

namespace AmbassadorNet.Contracts.Creators;

// A creator's proposals to change how they are paid: nothing changes until the brand's finance confirms
// one, and the confirmation is announced as CreatorPayoutProfileUpdated like any other change. The payee
// reference is personal and financial data, so these events carry its last four characters only.

/// <summary>
/// A creator proposed a new payout profile through their own credential. <see cref="TaxFormStatus"/> is
/// "submitted" or null (the profile's stays); <see cref="SupersededProposalId"/> names the pending
/// proposal this one replaced.
/// </summary>
public sealed record CreatorPayoutProfileChangeProposed(
    Guid BrandId, DateTimeOffset OccurredAt, Guid ProposalId, Guid CreatorId,
    string Method, string Currency, string PayeeReferenceLast4, string? TaxFormStatus, Guid? SupersededProposalId) : IIntegrationEvent;

/// <summary>The brand's finance rejected a pending proposal; the payout profile is as it was.</summary>
public sealed record CreatorPayoutProfileChangeRejected(
    Guid BrandId, DateTimeOffset OccurredAt, Guid ProposalId, Guid CreatorId, Guid? RejectedByKeyId, string? Note) : IIntegrationEvent;

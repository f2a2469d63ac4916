namespace AmbassadorNet.Contracts.Creators;

// Every creator event carries the creator's version (ignore one not newer than yours) and state.

/// <summary>A creator applied to the brand's program (status "applied").</summary>
public sealed record CreatorApplied(Guid BrandId, DateTimeOffset OccurredAt, Guid CreatorId, long Version, CreatorState Creator) : ICreatorStateChanged;

/// <summary>The brand approved the creator: campaigns may now enroll them.</summary>
public sealed record CreatorApproved(Guid BrandId, DateTimeOffset OccurredAt, Guid CreatorId, long Version, CreatorState Creator) : ICreatorStateChanged;

public sealed record CreatorRejected(Guid BrandId, DateTimeOffset OccurredAt, Guid CreatorId, long Version, CreatorState Creator, string? Reason) : ICreatorStateChanged;

/// <summary>Name, country or niches changed.</summary>
public sealed record CreatorProfileUpdated(Guid BrandId, DateTimeOffset OccurredAt, Guid CreatorId, long Version, CreatorState Creator) : ICreatorStateChanged;

/// <summary>
/// A stat snapshot of one account was recorded; the creator's tier and engagement were derived
/// again. <see cref="PreviousTier"/> differs from the state's tier when the snapshot moved the creator.
/// </summary>
public sealed record CreatorStatsRecorded(
    Guid BrandId, DateTimeOffset OccurredAt, Guid CreatorId, long Version, CreatorState Creator,
    string Platform, long Followers, decimal? AccountEngagementRate, string PreviousTier) : ICreatorStateChanged
{
    public bool TierChanged => PreviousTier != Creator.Tier;
}

public sealed record CreatorSuspended(Guid BrandId, DateTimeOffset OccurredAt, Guid CreatorId, long Version, CreatorState Creator, string? Reason) : ICreatorStateChanged;

public sealed record CreatorReinstated(Guid BrandId, DateTimeOffset OccurredAt, Guid CreatorId, long Version, CreatorState Creator) : ICreatorStateChanged;

/// <summary>The creator left the program for good; campaigns end their enrollments.</summary>
public sealed record CreatorOffboarded(Guid BrandId, DateTimeOffset OccurredAt, Guid CreatorId, long Version, CreatorState Creator) : ICreatorStateChanged;

/// <summary>
/// The creator's personal data was erased on request. Consumers scrub what they copied (names,
/// handles, payee references) and keep ids and amounts, which the ledger needs.
/// </summary>
public sealed record CreatorErased(Guid BrandId, DateTimeOffset OccurredAt, Guid CreatorId, long Version) : ICreatorStateChanged
{
    CreatorState? ICreatorStateChanged.Creator => null;
}

/// <summary>
/// Where and how the creator is paid. <see cref="PayeeReference"/> is an opaque reference at the
/// payment provider, never a bank or card number. Complete = method, currency and reference set.
/// </summary>
public sealed record CreatorPayoutProfileUpdated(
    Guid BrandId, DateTimeOffset OccurredAt, Guid CreatorId, long Version,
    string Method, string Currency, string PayeeReference, string TaxFormStatus, bool IsComplete) : IReplicatedState;

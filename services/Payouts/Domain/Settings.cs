using AmbassadorNet.Security;

namespace AmbassadorNet.Payouts.Domain;

/// <summary>Per brand and currency: the least total available balance a payout run pays (payout runs apply it).</summary>
public sealed class PayoutSetting : IBrandOwned
{
    public Guid BrandId { get; set; }

    public string Currency { get; set; } = "";

    public decimal MinimumPayout { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public Guid? UpdatedByKeyId { get; set; }
}

/// <summary>Finance stopped a creator's payouts, with a reason; lifting it keeps the row as history.</summary>
public sealed class PayoutHold : BrandOwnedEntity
{
    public Guid CreatorId { get; set; }

    public string Reason { get; set; } = "";

    public DateTimeOffset PlacedAt { get; set; }

    public Guid? PlacedByKeyId { get; set; }

    public DateTimeOffset? LiftedAt { get; set; }

    public Guid? LiftedByKeyId { get; set; }
}

/// <summary>
/// A manual correction of a creator's available balance (positive credits the creator). It posts
/// only when a second, different API key approves it (four eyes).
/// </summary>
public sealed class LedgerAdjustment : BrandOwnedEntity
{
    public Guid CreatorId { get; set; }

    public string Currency { get; set; } = "";

    public decimal Amount { get; set; }

    public string Reason { get; set; } = "";

    public Guid RequestedByKeyId { get; set; }

    public Guid? RequestedByMemberId { get; set; }

    /// <summary>Who answers for the request (<see cref="AmbassadorNet.Security.InternalCaller.AnswerableParty"/>).</summary>
    public Guid? RequestedByParty { get; set; }

    public DateTimeOffset RequestedAt { get; set; }

    public Guid? ApprovedByKeyId { get; set; }

    public Guid? ApprovedByMemberId { get; set; }

    /// <summary>How many members must approve it: the brand's approval policy when it was requested.</summary>
    public int ApprovalsRequired { get; set; } = 1;

    public DateTimeOffset? ApprovedAt { get; set; }

    public Guid? TransactionId { get; set; }

    public RecordedCaller Requester() => new(RequestedByKeyId, RequestedByMemberId, RequestedByParty);
}

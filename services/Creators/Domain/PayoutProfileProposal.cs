using AmbassadorNet.ServiceDefaults.Approvals;

namespace AmbassadorNet.Creators.Domain;

public enum ProposalStatus
{
    Pending,
    Superseded,
    Confirmed,
    Rejected,
}

/// <summary>
/// A proposed payout profile: the creator's own, or a change by the brand's staff that the brand's approval
/// policy holds for other members' approval (issue #32). It changes nothing until enough members confirm it
/// (the profile is then set as PUT payout-profile sets it) or one rejects it; a newer proposal supersedes a
/// pending one, so a creator has at most one pending. Erasure removes the payee reference and keeps
/// the status and times.
/// </summary>
public sealed class PayoutProfileProposal : ProposedChange, ICreatorOwned
{
    public const int MaxNote = 500;

    public Guid CreatorId { get; set; }

    public ProposalStatus Status { get; set; }

    public PayoutMethod Method { get; set; }

    public string Currency { get; set; } = "";

    [PersonalData]
    public string? PayeeReference { get; set; }

    /// <summary>Submitted, or null: the profile keeps the tax-form status it has when the proposal is confirmed.</summary>
    public TaxFormStatus? TaxFormStatus { get; set; }

    /// <summary>When it was confirmed, rejected or superseded.</summary>
    public DateTimeOffset? DecidedAt { get; set; }

    /// <summary>The brand's API key that confirmed or rejected it; null when superseded.</summary>
    public Guid? DecidedByKeyId { get; set; }

    public string? Note { get; set; }

    public long Version { get; set; }

    public void Supersede(DateTimeOffset now) => Decide(ProposalStatus.Superseded, "supersede", now, null, null);

    public void Confirm(DateTimeOffset now, Guid? keyId) => Decide(ProposalStatus.Confirmed, "confirm", now, keyId, null);

    public void Reject(DateTimeOffset now, Guid? keyId, string? note) => Decide(ProposalStatus.Rejected, "reject", now, keyId, note);

    private void Decide(ProposalStatus to, string action, DateTimeOffset now, Guid? keyId, string? note)
    {
        if (Status != ProposalStatus.Pending)
        {
            throw new ConflictException($"Cannot {action} proposal {Id}: it is {SnakeCaseEnums.Name(Status)}; only a pending proposal can be.");
        }

        (Status, DecidedAt, DecidedByKeyId, Note) = (to, now, keyId, note);
        Version++;
    }
}

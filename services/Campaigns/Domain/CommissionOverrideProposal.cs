using AmbassadorNet.ServiceDefaults.Approvals;

namespace AmbassadorNet.Campaigns.Domain;

public enum OverrideProposalStatus
{
    Pending,
    Superseded,
    Approved,
    Rejected,
}

/// <summary>
/// A staff member's commission override that raises what the enrollment pays, held until as many other members
/// approve it as the brand's approval policy asked when it was proposed (issue #32). It changes nothing until
/// then (the override is then set exactly as the direct PUT sets it) or until one rejects it; a newer change of
/// the enrollment's override supersedes a pending one, so an enrollment has at most one pending.
/// </summary>
public sealed class CommissionOverrideProposal : ProposedChange
{
    public const int MaxNote = 500;

    public Guid CampaignId { get; set; }

    public Guid EnrollmentId { get; set; }

    public Guid CreatorId { get; set; }

    public OverrideProposalStatus Status { get; set; }

    /// <summary>The proposed override; null clears it (the campaign's plan applies again).</summary>
    public Plan? CommissionOverride { get; set; }

    /// <summary>From when it applies; null: from its last approval.</summary>
    public DateTimeOffset? EffectiveFrom { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    /// <summary>The key (or signed-in member) that gave the last approval or rejected it; null when superseded.</summary>
    public Guid? DecidedByKeyId { get; set; }

    public Guid? DecidedByMemberId { get; set; }

    public string? Note { get; set; }

    public long Version { get; set; }

    public void Supersede(DateTimeOffset now) => Decide(OverrideProposalStatus.Superseded, "supersede", now, null, null, null);

    public void Approve(DateTimeOffset now, Guid? keyId, Guid? memberId) => Decide(OverrideProposalStatus.Approved, "approve", now, keyId, memberId, null);

    public void Reject(DateTimeOffset now, Guid? keyId, Guid? memberId, string? note) => Decide(OverrideProposalStatus.Rejected, "reject", now, keyId, memberId, note);

    /// <summary>Refuses (409) anything but a pending proposal.</summary>
    public void EnsurePending(string action)
    {
        if (Status != OverrideProposalStatus.Pending)
        {
            throw new ConflictException($"Cannot {action} proposal {Id}: it is {SnakeCaseEnums.Name(Status)}; only a pending proposal can be.");
        }
    }

    private void Decide(OverrideProposalStatus to, string action, DateTimeOffset now, Guid? keyId, Guid? memberId, string? note)
    {
        EnsurePending(action);
        (Status, DecidedAt, DecidedByKeyId, DecidedByMemberId, Note) = (to, now, keyId, memberId, note);
        Version++;
    }
}

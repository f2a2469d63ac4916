namespace AmbassadorNet.Creators.Domain;

/// <summary>
/// The part of the brand's approval policy this service enforces (payouts owns the policy and publishes
/// ApprovalPolicyChanged): how many members approve a change of payee details by the brand's staff.
/// </summary>
public sealed class ApprovalPolicyReplica : IBrandOwned
{
    public Guid BrandId { get; set; }

    public int PayeeDetailsApprovals { get; set; }

    /// <summary>The event's time: an older one arriving late changes nothing.</summary>
    public DateTimeOffset OccurredAt { get; set; }
}

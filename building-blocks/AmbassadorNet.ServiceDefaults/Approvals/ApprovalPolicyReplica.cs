using AmbassadorNet.Persistence.Tenancy;

namespace AmbassadorNet.ServiceDefaults.Approvals;

/// <summary>
/// The part of the brand's approval policy one service enforces (payouts owns the policy and publishes
/// ApprovalPolicyChanged): how many members approve the one kind of change that service holds (creators:
/// payee details; campaigns: raised commission overrides). Each service maps <see cref="Approvals"/> to a
/// column named after its kind (<see cref="ApprovalMapping"/>).
/// </summary>
public sealed class ApprovalPolicyReplica : IBrandOwned
{
    public Guid BrandId { get; set; }

    /// <summary>0: the change is not held.</summary>
    public int Approvals { get; set; }

    /// <summary>The event's time: an older one arriving late changes nothing.</summary>
    public DateTimeOffset OccurredAt { get; set; }
}

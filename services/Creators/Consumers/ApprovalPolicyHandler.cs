using AmbassadorNet.Contracts.Payouts;
using AmbassadorNet.Messaging.Approvals;

namespace AmbassadorNet.Creators.Consumers;

/// <summary>Keeps the brand's newest approval policy for payee changes by staff.</summary>
public sealed class ApprovalPolicyHandler(CreatorsDbContext db) : ApprovalPolicyReplicaHandler(db)
{
    protected override int ApprovalsOf(ApprovalPolicyChanged policy) => policy.PayeeDetails?.Approvals ?? 0;
}

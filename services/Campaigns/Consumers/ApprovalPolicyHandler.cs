using AmbassadorNet.Contracts.Payouts;
using AmbassadorNet.Messaging.Approvals;

namespace AmbassadorNet.Campaigns.Consumers;

/// <summary>Keeps the brand's newest approval policy for raised commission overrides.</summary>
public sealed class ApprovalPolicyHandler(CampaignsDbContext db) : ApprovalPolicyReplicaHandler(db)
{
    protected override int ApprovalsOf(ApprovalPolicyChanged policy) => policy.CommissionOverrides?.Approvals ?? 0;
}

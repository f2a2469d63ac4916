using AmbassadorNet.Contracts.Payouts;

namespace AmbassadorNet.Creators.Consumers;

/// <summary>Keeps the brand's newest approval policy for payee changes (by the event's time: an older one arriving late changes nothing).</summary>
public sealed class ApprovalPolicyHandler(CreatorsDbContext db) : IMessageHandler<ApprovalPolicyChanged>
{
    public async Task<HandleResult> HandleAsync(ApprovalPolicyChanged m, InboundMessage context, CancellationToken ct)
    {
        var replica = await db.ApprovalPolicies.SingleOrDefaultAsync(ct);
        if (replica is null)
        {
            replica = new ApprovalPolicyReplica { BrandId = m.BrandId };
            db.ApprovalPolicies.Add(replica);
        }
        else if (replica.OccurredAt >= m.OccurredAt)
        {
            return HandleResult.Done;
        }

        (replica.PayeeDetailsApprovals, replica.OccurredAt) = (m.PayeeDetails?.Approvals ?? 0, m.OccurredAt);
        return HandleResult.Done;
    }
}

using AmbassadorNet.Contracts.Payouts;
using AmbassadorNet.Messaging.Inbox;
using AmbassadorNet.ServiceDefaults.Approvals;
using AmbassadorNet.SharedKernel;
using Microsoft.EntityFrameworkCore;

namespace AmbassadorNet.Messaging.Approvals;

/// <summary>
/// Keeps a service's <see cref="ApprovalPolicyReplica"/>: the brand's newest approval policy for the one kind of
/// change the service holds, by the event's time (an older one arriving late changes nothing; a duplicate is
/// the inbox's). The service's handler says which part of the policy it keeps.
/// </summary>
public abstract class ApprovalPolicyReplicaHandler(DbContext db) : IMessageHandler<ApprovalPolicyChanged>
{
    /// <summary>How many members approve the service's kind of change under <paramref name="policy"/>; 0 when it leaves it out.</summary>
    protected abstract int ApprovalsOf(ApprovalPolicyChanged policy);

    public async Task<HandleResult> HandleAsync(ApprovalPolicyChanged m, InboundMessage context, CancellationToken ct)
    {
        // As stored (microseconds): the same event time read back must compare equal, not older.
        var occurredAt = Instants.ToMicroseconds(m.OccurredAt);
        var replica = await db.Set<ApprovalPolicyReplica>().SingleOrDefaultAsync(ct);
        if (replica is null)
        {
            replica = new ApprovalPolicyReplica { BrandId = m.BrandId };
            db.Set<ApprovalPolicyReplica>().Add(replica);
        }
        else if (replica.OccurredAt >= occurredAt)
        {
            return HandleResult.Done;
        }

        (replica.Approvals, replica.OccurredAt) = (ApprovalsOf(m), occurredAt);
        return HandleResult.Done;
    }
}

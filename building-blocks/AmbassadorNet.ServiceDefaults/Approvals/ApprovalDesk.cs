using AmbassadorNet.Security;
using AmbassadorNet.ServiceDefaults.Errors;
using AmbassadorNet.SharedKernel;
using Microsoft.EntityFrameworkCore;

namespace AmbassadorNet.ServiceDefaults.Approvals;

/// <summary>
/// Each member's approval of what a service holds until enough members approved it (issue #32). Callers hold
/// the subject's row lock, so approvals of one subject take turns, and save in their own transaction.
/// </summary>
public sealed class ApprovalDesk(DbContext db, TimeProvider clock)
{
    /// <summary>
    /// Records <paramref name="approver"/>'s approval and answers whether the subject now has the
    /// <paramref name="required"/> approvals. The approver must pass <see cref="ApprovalRules"/> against the
    /// requester and against every member who approved before (a puppet of an earlier approver is no
    /// second pair of eyes either); a member approves once (409).
    /// </summary>
    public async Task<bool> ApproveAsync(
        string subjectType, Guid subjectId, RecordedCaller requester, DateTimeOffset requestedAt, int required, InternalCaller approver, CancellationToken ct)
    {
        var earlier = await ApprovalsOfAsync(subjectType, subjectId, ct);
        if (approver.MemberId is { } member && earlier.Any(a => a.MemberId == member))
        {
            throw new ConflictException($"This member has approved it already; it needs {required - earlier.Count} more, each from another member.");
        }

        ApprovalRefusedException.ThrowIf(ApprovalRules.Check(approver, requester, requestedAt));
        foreach (var before in earlier)
        {
            if (ApprovalRules.Check(approver, before.Approver(), requestedAt) is { } refusal)
            {
                throw new ApprovalRefusedException(refusal with { Detail = $"{refusal.Detail} (here: a member who approved it before)" });
            }
        }

        db.Set<Approval>().Add(new Approval
        {
            Id = Ids.New(clock), SubjectType = subjectType, SubjectId = subjectId, MemberId = approver.MemberId!.Value, KeyId = approver.KeyId,
            Party = approver.AnswerableParty, ApprovedAt = Instants.ToMicroseconds(clock.GetUtcNow()),
        });
        return earlier.Count + 1 >= required;
    }

    /// <summary>The same for a held <paramref name="change"/>: its proposer, its time and the approvals it needs (at least one).</summary>
    public Task<bool> ApproveAsync(string subjectType, ProposedChange change, InternalCaller approver, CancellationToken ct) =>
        ApproveAsync(subjectType, change.Id, change.Proposer(), change.ProposedAt, Math.Max(1, change.ApprovalsRequired), approver, ct);

    public Task<List<Approval>> ApprovalsOfAsync(string subjectType, Guid subjectId, CancellationToken ct) =>
        db.Set<Approval>().AsNoTracking().Where(a => a.SubjectType == subjectType && a.SubjectId == subjectId).OrderBy(a => a.ApprovedAt).ToListAsync(ct);
}

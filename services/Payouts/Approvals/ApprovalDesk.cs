using System.Text.Json;
using AmbassadorNet.Security;

namespace AmbassadorNet.Payouts.Approvals;

/// <summary>
/// The brand's approval policy, and each member's approval of an adjustment or a batch (issue #32).
/// Callers hold the subject's row lock, so approvals of one subject take turns.
/// </summary>
public sealed class ApprovalDesk(PayoutsDbContext db, TimeProvider clock)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<ApprovalPolicy> PolicyAsync(CancellationToken ct) =>
        await db.ApprovalPolicies.AsNoTracking().SingleOrDefaultAsync(ct) is { } stored
            ? JsonSerializer.Deserialize<ApprovalPolicy>(stored.Document, Json)!
            : ApprovalPolicy.Default;

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

        db.Approvals.Add(new Approval
        {
            Id = Ids.New(clock), SubjectType = subjectType, SubjectId = subjectId, MemberId = approver.MemberId!.Value, KeyId = approver.KeyId,
            Party = approver.AnswerableParty, ApprovedAt = Instants.ToMicroseconds(clock.GetUtcNow()),
        });
        return earlier.Count + 1 >= required;
    }

    public Task<List<Approval>> ApprovalsOfAsync(string subjectType, Guid subjectId, CancellationToken ct) =>
        db.Approvals.AsNoTracking().Where(a => a.SubjectType == subjectType && a.SubjectId == subjectId).OrderBy(a => a.ApprovedAt).ToListAsync(ct);
}

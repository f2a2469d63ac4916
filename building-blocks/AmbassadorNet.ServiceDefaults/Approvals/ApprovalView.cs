namespace AmbassadorNet.ServiceDefaults.Approvals;

/// <summary>One member's approval of something held for approval (an adjustment, a batch, a commission override), as the API shows it.</summary>
public sealed record ApprovalView(Guid MemberId, Guid? KeyId, DateTimeOffset ApprovedAt)
{
    public static ApprovalView Of(Approval approval) => new(approval.MemberId, approval.KeyId, approval.ApprovedAt);
}

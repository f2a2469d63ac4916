using AmbassadorNet.ServiceDefaults.Approvals;
namespace AmbassadorNet.Payouts.Api;

/// <summary>One member's approval of an adjustment or a batch, as the API shows it.</summary>
public sealed record ApprovalView(Guid MemberId, Guid? KeyId, DateTimeOffset ApprovedAt)
{
    public static ApprovalView Of(Approval approval) => new(approval.MemberId, approval.KeyId, approval.ApprovedAt);
}

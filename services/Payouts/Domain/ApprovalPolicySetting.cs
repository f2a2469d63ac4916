namespace AmbassadorNet.Payouts.Domain;

/// <summary>A brand's approval policy as stored: the JSON document of <see cref="ApprovalPolicy"/>.</summary>
public sealed class ApprovalPolicySetting : IBrandOwned
{
    public Guid BrandId { get; set; }

    public string Document { get; set; } = "";

    public DateTimeOffset UpdatedAt { get; set; }

    public Guid? UpdatedByKeyId { get; set; }

    public Guid? UpdatedByMemberId { get; set; }
}

/// <summary>What payouts holds for approval, as the approvals table names it.</summary>
public static class ApprovalSubjects
{
    public const string Adjustment = "adjustment";
    public const string PayoutBatch = "payout_batch";
}

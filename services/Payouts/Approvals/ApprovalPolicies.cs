using System.Text.Json;

namespace AmbassadorNet.Payouts.Approvals;

/// <summary>The brand's approval policy as stored, or the default (one approval each) when it set none.</summary>
public sealed class ApprovalPolicies(PayoutsDbContext db)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<ApprovalPolicy> CurrentAsync(CancellationToken ct) =>
        await db.ApprovalPolicies.AsNoTracking().SingleOrDefaultAsync(ct) is { } stored
            ? JsonSerializer.Deserialize<ApprovalPolicy>(stored.Document, Json)!
            : ApprovalPolicy.Default;
}

using System.Security.Claims;
using System.Text.Json;
using AmbassadorNet.Contracts.Payouts;
using AmbassadorNet.Payouts.Approvals;
using AmbassadorNet.Security;

namespace AmbassadorNet.Payouts.Api;

/// <summary>
/// The brand's approval policy for adjustments and payout batches (issue #32): how many members approve,
/// and from which amounts more. An adjustment or batch needs what the policy said when it was requested.
/// </summary>
internal static class ApprovalPolicyEndpoints
{
    public sealed record ThresholdBody(string? Currency, decimal? Amount, int? Approvals);

    public sealed record ActionBody(int? Approvals, IReadOnlyList<ThresholdBody>? Above);

    /// <summary>
    /// <see cref="PayeeDetails"/> may be left out: no approval of payee changes, as before it existed.
    /// <see cref="CommissionOverrides"/> may be left out too, and then keeps what the policy says now: a client
    /// written before it existed saves the whole document it knows, and must not switch the hold off unseen.
    /// </summary>
    public sealed record PolicyRequest(ActionBody? Adjustments, ActionBody? PayoutBatches, ActionBody? PayeeDetails = null, ActionBody? CommissionOverrides = null);

    public sealed record PolicyView(
        ActionApprovals Adjustments, ActionApprovals PayoutBatches, ActionApprovals PayeeDetails, ActionApprovals CommissionOverrides, DateTimeOffset? UpdatedAt);

    private const int MaxThresholds = 20;

    public static async Task<Ok<PolicyView>> GetAsync(PayoutsDbContext db, ApprovalPolicies policies, CancellationToken ct)
    {
        var stored = await db.ApprovalPolicies.AsNoTracking().SingleOrDefaultAsync(ct);
        var policy = await policies.CurrentAsync(ct);
        return TypedResults.Ok(View(policy, stored?.UpdatedAt));
    }

    public static async Task<Ok<PolicyView>> PutAsync(
        PolicyRequest request, ClaimsPrincipal user, PayoutsDbContext db, ApprovalPolicies policies, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var overrides = request.CommissionOverrides is null ? (await policies.CurrentAsync(ct)).CommissionOverrides ?? ApprovalPolicy.Default.CommissionOverrides! : null;
        var policy = new ApprovalPolicy(
            Read(request.Adjustments, "adjustments", errors), Read(request.PayoutBatches, "payoutBatches", errors),
            ReadCount(request.PayeeDetails, "payeeDetails", "A payee change has no amount: no thresholds.", errors),
            overrides ?? ReadCount(request.CommissionOverrides, "commissionOverrides", "A commission override has no amount of its own: no thresholds.", errors));
        errors.ThrowIfAny();
        var document = JsonSerializer.Serialize(policy, ApprovalPolicies.Json);
        var stored = await db.ApprovalPolicies.SingleOrDefaultAsync(ct);
        if (stored?.Document == document)
        {
            return TypedResults.Ok(View(policy, stored.UpdatedAt));
        }

        if (stored is null)
        {
            stored = new ApprovalPolicySetting();
            db.ApprovalPolicies.Add(stored);
        }

        var caller = user.GetCaller();
        (stored.Document, stored.UpdatedAt, stored.UpdatedByKeyId, stored.UpdatedByMemberId) = (document, Instants.ToMicroseconds(clock.GetUtcNow()), caller.KeyId, caller.MemberId);
        db.AddEvent(new ApprovalPolicyChanged(db.CurrentBrandId, stored.UpdatedAt, State(policy.Adjustments), State(policy.PayoutBatches), caller.KeyId, caller.MemberId,
            State(policy.PayeeDetails!), State(policy.CommissionOverrides!)), clock);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(View(policy, stored.UpdatedAt));
    }

    private static PolicyView View(ApprovalPolicy policy, DateTimeOffset? updatedAt) =>
        new(policy.Adjustments, policy.PayoutBatches, policy.PayeeDetails ?? ApprovalPolicy.Default.PayeeDetails!,
            policy.CommissionOverrides ?? ApprovalPolicy.Default.CommissionOverrides!, updatedAt);

    /// <summary>A change held by another service (payee details, raised overrides): 0 (not held) to 5 members; no thresholds, it has no amount.</summary>
    private static ActionApprovals ReadCount(ActionBody? body, string field, string noThresholds, FieldErrors errors)
    {
        var approvals = body?.Approvals ?? 0;
        errors.Check(approvals is >= 0 and <= ApprovalPolicy.MaxApprovals, $"{field}.approvals", $"0 (not held for approval) to {ApprovalPolicy.MaxApprovals} members.");
        errors.Check(body?.Above is null or { Count: 0 }, $"{field}.above", noThresholds);
        return new ActionApprovals(approvals, []);
    }

    /// <summary>One action's rule, required in full (a PUT replaces the policy): 1 to 5 members (four eyes at least), thresholds asking for more, never fewer.</summary>
    private static ActionApprovals Read(ActionBody? body, string field, FieldErrors errors)
    {
        var approvals = body?.Approvals ?? 0;
        errors.Check(approvals is >= 1 and <= ApprovalPolicy.MaxApprovals, $"{field}.approvals", $"Required: 1 to {ApprovalPolicy.MaxApprovals} members (an approval by one member besides the requester is the least).");
        var above = body?.Above ?? [];
        errors.Check(above.Count <= MaxThresholds, $"{field}.above", $"At most {MaxThresholds} thresholds.");
        var thresholds = new List<ApprovalThreshold>();
        for (var i = 0; i < above.Count; i++)
        {
            var (t, at) = (above[i], $"{field}.above[{i}]");
            errors.Check(Currency.IsValid(t.Currency), $"{at}.currency", "An upper-case ISO 4217 code such as USD is required.")
                .Check(t.Amount is > 0m, $"{at}.amount", "A positive amount is required.")
                .CheckWithinMaxAmount(t.Amount, $"{at}.amount")
                .Check(t.Approvals is { } n && n >= approvals && n <= ApprovalPolicy.MaxApprovals, $"{at}.approvals",
                    $"At least the action's own approvals ({approvals}) and at most {ApprovalPolicy.MaxApprovals}: a threshold asks for more, never fewer.");
            if (Currency.IsValid(t.Currency) && t.Amount is > 0m && t.Approvals is { } count)
            {
                thresholds.Add(new ApprovalThreshold(t.Currency!, t.Amount.Value, count));
            }
        }

        errors.Check(thresholds.DistinctBy(t => (t.Currency, t.Amount)).Count() == thresholds.Count, $"{field}.above", "Each currency and amount once.");
        return new ActionApprovals(approvals, [.. thresholds.OrderBy(t => t.Currency, StringComparer.Ordinal).ThenBy(t => t.Amount)]);
    }

    private static ActionApprovalsState State(ActionApprovals rule) =>
        new(rule.Approvals, [.. rule.Above.Select(t => new ApprovalThresholdState(t.Currency, t.Amount, t.Approvals))]);
}

using AmbassadorNet.Security;
using AmbassadorNet.ServiceDefaults.Idempotency;

namespace AmbassadorNet.Payouts.Api;

/// <summary>The payouts API: every route, its role-table row and its summary, in one place.</summary>
public static class PayoutsApi
{
    /// <summary>What each tag of this API groups, for its OpenAPI document.</summary>
    public static IReadOnlyDictionary<string, string> Tags { get; } = new Dictionary<string, string>
    {
        ["Ledger"] = "The double-entry ledger of commissions and payouts: statements, trial balance, payee totals, adjustments and CSV export.",
        ["Payouts"] = "Paying creators: settings, holds, releases, payout runs and batches, their approval, settlement and reconciliation.",
        [CreatorSelf] = "What a creator reads with their own creator credential: their ledger statement, and nothing of anyone else's.",
    };

    /// <summary>The tag of a creator's own routes, as the campaigns service names it.</summary>
    public const string CreatorSelf = "Creator's own";

    public static IEndpointRouteBuilder MapPayoutsApi(this IEndpointRouteBuilder app)
    {
        var ledger = app.MapGroup("/api/ledger").WithTags("Ledger");
        ledger.MapGet("/creators/{creatorId:guid}/statement", StatementEndpoint.StatementAsync).RequireAccess(AccessPolicies.LedgerRead)
            .WithName("GetCreatorStatement").WithSummary("A creator's statement in one currency, a page at a time (cursor, limit): opening and closing balances, the page's entries with their causes, and the balances brought and carried forward.");
        ledger.MapGet("/trial-balance", TrialBalanceEndpoint.TrialBalanceAsync).RequireAccess(AccessPolicies.LedgerRead)
            .WithName("GetTrialBalance").WithSummary("Debits and credits per account kind and currency; each currency nets to zero.");
        ledger.MapGet("/export.csv", ExportEndpoint.ExportAsync).RequireAccess(AccessPolicies.LedgerRead)
            .WithName("ExportGeneralLedger").WithSummary("Every entry posted in [from, to) as CSV, one line per entry, with its transaction and cause.");
        ledger.MapGet("/payee-totals", PayeeTotalsEndpoint.TotalsAsync).RequireAccess(AccessPolicies.LedgerRead)
            .WithName("GetPayeeTotals").WithSummary("Per creator and currency, what they earned in a calendar year (UTC): commission, fees, adjustments, and gifts delivered.");
        ledger.MapPost("/adjustments", AdjustmentEndpoints.RequestAsync).RequireAccess(AccessPolicies.PayoutsManage).Idempotent()
            .WithName("RequestAdjustment").WithSummary("Requests a manual adjustment of a creator's available balance; it posts when as many other members as the approval policy asks have approved it.");
        ledger.MapPost("/adjustments/{id:guid}/approve", AdjustmentEndpoints.ApproveAsync).RequireAccess(AccessPolicies.PayoutsManage)
            .WithName("ApproveAdjustment").WithSummary("Approves an adjustment, which posts with its last required approval; 403 naming the rule when the approver may not approve it (not a member, the requester or an earlier approver, or a key issued after the request or by one of them); 409 when this member approved it already.");

        // A creator's own (creator credentials only). The ledger's entities are not creator-owned (the money
        // path stays as it is): the statement is asked for the token's creator instead.
        app.MapGet("/api/me/statement", StatementEndpoint.MineAsync).RequireAccess(AccessPolicies.CreatorSelf).WithTags(CreatorSelf)
            .WithName("GetMyStatement").WithSummary("The creator's own statement, exactly as the brand's GET /api/ledger/creators/{creatorId}/statement answers it for them (currency, from, to, cursor, limit).");

        var payouts = app.MapGroup("/api/payouts").WithTags("Payouts");
        payouts.MapGet("/settings", SettingsEndpoints.ListAsync).RequireAccess(AccessPolicies.LedgerRead)
            .WithName("GetPayoutSettings").WithSummary("The brand's payout settings per currency (minimum payout).");
        payouts.MapPut("/settings", SettingsEndpoints.PutAsync).RequireAccess(AccessPolicies.PayoutsManage)
            .WithName("PutPayoutSetting").WithSummary("Sets the minimum payout of one currency for the brand.");
        payouts.MapGet("/approval-policy", ApprovalPolicyEndpoints.GetAsync).RequireAccess(AccessPolicies.LedgerRead)
            .WithName("GetApprovalPolicy").WithSummary("How many members must approve an adjustment or a payout batch, and from which amounts more (one each by default).");
        payouts.MapPut("/approval-policy", ApprovalPolicyEndpoints.PutAsync).RequireAccess(AccessPolicies.ApprovalPolicyWrite)
            .WithName("PutApprovalPolicy").WithSummary("Replaces the brand's approval policy (admins only); what is already awaiting approval keeps the count it was requested with.");
        payouts.MapPost("/holds/{creatorId:guid}", HoldEndpoints.PlaceAsync).RequireAccess(AccessPolicies.PayoutsManage).Idempotent()
            .WithName("HoldCreatorPayouts").WithSummary("Holds a creator's payouts, with a reason; 404 for a creator payouts does not know, 409 if a hold is already in place.");
        payouts.MapDelete("/holds/{creatorId:guid}", HoldEndpoints.LiftAsync).RequireAccess(AccessPolicies.PayoutsManage)
            .WithName("LiftCreatorHold").WithSummary("Lifts the hold on a creator's payouts; 404 if there is none.");
        payouts.MapPost("/release", ReleaseEndpoint.ReleaseAsync).RequireAccess(AccessPolicies.PayoutsManage)
            .WithName("ReleaseDueCommission").WithSummary("Releases now the brand's pending commission whose holding period is over (the job does it on a schedule).");
        payouts.MapPost("/runs", RunEndpoint.RunAsync).RequireAccess(AccessPolicies.PayoutsManage)
            .WithName("RunPayouts").WithSummary("Runs payouts for a period end: one batch per currency, the creators left out with the reason; the same period again creates nothing.");
        payouts.MapGet("/batches", BatchEndpoints.ListAsync).RequireAccess(AccessPolicies.LedgerRead)
            .WithName("ListPayoutBatches").WithSummary("The brand's payout batches, newest first, a page at a time (cursor, limit), by status or run.");
        payouts.MapGet("/batches/{id:guid}", BatchEndpoints.GetAsync).RequireAccess(AccessPolicies.LedgerRead)
            .WithName("GetPayoutBatch").WithSummary("A batch with its lines, the entries each line settles and the conversions behind them.");
        payouts.MapPost("/batches/{id:guid}/approve", BatchEndpoints.ApproveAsync).RequireAccess(AccessPolicies.PayoutsManage)
            .WithName("ApprovePayoutBatch").WithSummary("Approves a draft batch, which becomes approved with its last required approval; 403 naming the rule when the approver may not approve it (not a member, the one who ran it or an earlier approver, or a key issued after the run or by one of them); 409 when this member approved it already.");
        payouts.MapPost("/batches/{id:guid}/void", BatchEndpoints.VoidAsync).RequireAccess(AccessPolicies.PayoutsManage)
            .WithName("VoidPayoutBatch").WithSummary("Voids a draft or approved batch; every line's money returns to available.");
        payouts.MapGet("/batches/{id:guid}/export.csv", BatchFileEndpoints.ExportAsync).RequireAccess(AccessPolicies.LedgerRead)
            .WithName("ExportPayoutBatch").WithSummary("The provider file of an approved batch (marks it exported); later downloads return the same file.");
        payouts.MapPost("/batches/{id:guid}/settlement", BatchFileEndpoints.SettleAsync).RequireAccess(AccessPolicies.PayoutsManage).WithBodyLimit(RequestBodyLimits.File)
            .WithName("SettlePayoutBatch").WithSummary("Imports the provider's settlement CSV and reconciles each line; the same file twice changes nothing.")
            .Accepts<string>("text/csv");
        payouts.MapGet("/batches/{id:guid}/reconciliation", BatchFileEndpoints.ReconciliationAsync).RequireAccess(AccessPolicies.LedgerRead)
            .WithName("GetPayoutReconciliation").WithSummary("Every settlement import's reconciliation of a batch, as JSON or CSV (?format=csv or Accept: text/csv).");
        return app;
    }
}

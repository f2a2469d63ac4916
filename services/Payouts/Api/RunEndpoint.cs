using AmbassadorNet.Security;
using System.Security.Claims;
using AmbassadorNet.Payouts.Ledger;
using static AmbassadorNet.Payouts.Api.BatchViews;

namespace AmbassadorNet.Payouts.Api;

internal static class RunEndpoint
{
    public sealed record RunRequest(DateTimeOffset? PeriodEnd);

    /// <summary>201 with the batches a new run created; 200 with the same answer when the period already ran (nothing created).</summary>
    public static async Task<Results<Created<RunView>, Ok<RunView>>> RunAsync(RunRequest request, ClaimsPrincipal user, PayoutRunner runner, TimeProvider clock, CancellationToken ct)
    {
        new FieldErrors()
            .Check(request.PeriodEnd is not null, "periodEnd", "The end of the period (an ISO 8601 time) is required.")
            .Check(request.PeriodEnd is null || request.PeriodEnd <= clock.GetUtcNow(), "periodEnd", "The period must have ended: entries could still be posted before a future period end.")
            .ThrowIfAny();
        var keyId = user.RequiredKeyId();
        // PostgreSQL keeps microseconds: the period end is cut to them so the same time finds its run again.
        var periodEnd = request.PeriodEnd!.Value.ToUniversalTime();
        var outcome = await runner.RunAsync(periodEnd.AddTicks(-(periodEnd.Ticks % 10)), keyId, user.GetCaller(), ct);
        var run = outcome.Run;
        var view = new RunView(run.Id, run.PeriodEnd, outcome.Created, run.CreatedAt, run.CreatedByKeyId, outcome.Batches.Select(View).ToList(), run.Exclusions);
        return outcome.Created ? TypedResults.Created($"/api/payouts/batches?runId={run.Id}", view) : TypedResults.Ok(view);
    }
}

using System.Net;

namespace Payouts.Tests;

/// <summary>Draft → Approved → Exported, voiding, four eyes, the export file, bad input and roles.</summary>
public sealed class BatchLifecycleTests(PayoutsService service) : LedgerTest(service), IClassFixture<PayoutsService>
{
    private static async Task<string> StatusAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetString()!;

    [Fact]
    public async Task A_batch_is_approved_by_a_second_key_and_only_then_exports()
    {
        var desk = new PayoutDesk(Service);
        var creator = await desk.PayeeAsync("USD", 12.5m);
        var batch = PayoutDesk.BatchOf(await desk.RunReadAsync());

        var draftExport = await desk.ExportAsync(batch);
        var selfApproval = await desk.ApproveAsync(batch, Service.FinanceKey);
        var approved = await desk.ApproveAsync(batch);
        var twice = await desk.ApproveAsync(batch, Guid.CreateVersion7());
        var export = await desk.ExportAsync(batch);
        var csv = await export.Content.ReadAsStringAsync();
        var again = await (await desk.ExportAsync(batch)).Content.ReadAsStringAsync();
        var voidAfterExport = await desk.VoidAsync(batch);

        Assert.Equal(HttpStatusCode.Conflict, draftExport.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, selfApproval.StatusCode);
        Assert.Equal("approved", await StatusAsync(approved));
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal("text/csv", export.Content.Headers.ContentType?.MediaType);
        var lineId = (await desk.BatchAsync(batch)).GetProperty("lines")[0].GetProperty("id").GetGuid();
        Assert.Equal($"line_id,payee_reference,amount,currency,creator_id,batch_id\r\n{lineId},payee-{creator:N},12.50,USD,{creator},{batch}\r\n", csv);
        Assert.Equal(csv, again);
        Assert.Equal("exported", (await desk.BatchAsync(batch)).GetProperty("batch").GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, voidAfterExport.StatusCode);
        Assert.Equal((0m, 12.5m), await desk.BalancesAsync(creator));
        Assert.Contains("PayoutBatchApproved", await Service.EventTypesAsync(desk.Brand));
    }

    [Fact]
    public async Task Voiding_returns_the_money_to_available_and_a_later_run_pays_it_again()
    {
        var desk = new PayoutDesk(Service);
        var creator = await desk.PayeeAsync("USD", 30m);
        var batch = PayoutDesk.BatchOf(await desk.RunReadAsync());
        await desk.ApproveAsync(batch);

        var voided = await desk.VoidAsync(batch);
        var voidTwice = await desk.VoidAsync(batch);
        var approveVoided = await desk.ApproveAsync(batch, Guid.CreateVersion7());
        var exportVoided = await desk.ExportAsync(batch);
        var afterVoid = await desk.BalancesAsync(creator);
        var rerun = await desk.RunReadAsync();

        Assert.Equal("voided", await StatusAsync(voided));
        Assert.Equal((HttpStatusCode.Conflict, HttpStatusCode.Conflict, HttpStatusCode.Conflict), (voidTwice.StatusCode, approveVoided.StatusCode, exportVoided.StatusCode));
        Assert.Equal((30m, 0m), afterVoid);
        Assert.Equal("voided", (await desk.BatchAsync(batch)).GetProperty("lines")[0].GetProperty("status").GetString());
        var line = (await desk.BatchAsync(PayoutDesk.BatchOf(rerun))).GetProperty("lines")[0];
        Assert.Equal(30m, line.GetProperty("amount").GetDecimal());
        Assert.Equal(CauseTypes.PayoutReturned, line.GetProperty("entries")[0].GetProperty("causeType").GetString());
        Assert.Equal((0m, 30m), await desk.BalancesAsync(creator));
        Assert.Contains("PayoutBatchVoided", await Service.EventTypesAsync(desk.Brand));
    }

    [Fact]
    public async Task A_voided_line_still_lists_the_entries_it_settled_and_the_next_line_lists_only_the_returned_money_and_what_came_since()
    {
        var desk = new PayoutDesk(Service);
        var creator = await desk.PayeeAsync("USD", 10m, 20m);
        var first = PayoutDesk.BatchOf(await desk.RunReadAsync());
        var before = Entries(await desk.BatchAsync(first));

        await desk.VoidAsync(first);
        await desk.FeeAsync(creator, 5m);
        var second = PayoutDesk.BatchOf(await desk.RunReadAsync());
        var voided = Entries(await desk.BatchAsync(first));
        var next = Entries(await desk.BatchAsync(second));

        Assert.Equal([("deliverable_fee", 10m), ("deliverable_fee", 20m)], before.Select(e => (e.Cause, e.Amount)).Order());
        Assert.Equal(before, voided);
        Assert.Equal([("deliverable_fee", 5m), (CauseTypes.PayoutReturned, 30m)], next.Select(e => (e.Cause, e.Amount)).Order());
        Assert.Empty(next.Select(e => e.Id).Intersect(voided.Select(e => e.Id)));
        Assert.Equal(35m, (await desk.BatchAsync(second)).GetProperty("lines")[0].GetProperty("amount").GetDecimal());
        Assert.Equal((0m, 35m), await desk.BalancesAsync(creator));
    }

    /// <summary>The entries the batch's only line lists: entry id, cause and amount (as owed).</summary>
    private static List<(Guid Id, string Cause, decimal Amount)> Entries(JsonElement batch) =>
        batch.GetProperty("lines").EnumerateArray().Single().GetProperty("entries").EnumerateArray()
            .Select(e => (e.GetProperty("entryId").GetGuid(), e.GetProperty("causeType").GetString()!, e.GetProperty("amount").GetDecimal()))
            .OrderBy(e => e.Item1).ToList();

    [Fact]
    public async Task Bad_runs_unknown_batches_and_wrong_roles_are_refused_and_change_nothing()
    {
        var desk = new PayoutDesk(Service);
        await desk.PayeeAsync("USD", 10m);

        var noPeriod = await Service.SendAsync(HttpMethod.Post, "/api/payouts/runs", desk.Brand, new { });
        var future = await desk.RunAsync(DateTimeOffset.UtcNow.AddDays(1));
        var badStatus = await Service.SendAsync(HttpMethod.Get, "/api/payouts/batches?status=paid", desk.Brand);
        var unknown = await Service.SendAsync(HttpMethod.Get, $"/api/payouts/batches/{Guid.CreateVersion7()}", desk.Brand);
        var unknownApprove = await desk.ApproveAsync(Guid.CreateVersion7());
        var reader = await Service.SendAsync(HttpMethod.Post, "/api/payouts/runs", desk.Brand, new { periodEnd = DateTimeOffset.UtcNow }, roles: ["analyst"]);
        var anonymous = await Service.Http.PostAsync("/api/payouts/runs", new StringContent("{}"));

        Assert.Equal(["periodEnd"], await noPeriod.ErrorFieldsAsync());
        Assert.Equal(["periodEnd"], await future.ErrorFieldsAsync());
        Assert.Equal(["status"], await badStatus.ErrorFieldsAsync());
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (unknown.StatusCode, unknownApprove.StatusCode));
        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Unauthorized), (reader.StatusCode, anonymous.StatusCode));
        Assert.Equal(0L, await desk.TransactionsAsync(CauseTypes.PayoutBatched));
        Assert.Equal(0L, await Service.ScalarAsync<long>("SELECT count(*) FROM payout_runs WHERE brand_id = @b", ("b", desk.Brand)));
    }

    [Fact]
    public async Task The_newest_payout_profile_wins_and_an_erasure_scrubs_the_payee_reference_but_keeps_amounts()
    {
        var desk = new PayoutDesk(Service);
        var creator = Guid.CreateVersion7();
        await desk.ProfileAsync(creator, 5, "USD");
        await Service.PublishAsync(Events.PayoutProfile(desk.Brand, creator, 3, "EUR")); // older, arrives late
        await AmbassadorNet.TestKit.Waiting.Eventually.SettledAsync(
            _ => Service.ScalarAsync<long>("SELECT count(*) FROM inbox_messages"), "the stale profile consumed", Service.Idle);
        await desk.FeeAsync(creator, 25m);
        var batch = PayoutDesk.BatchOf(await desk.RunReadAsync());

        await Service.PublishAsync(new AmbassadorNet.Contracts.Creators.CreatorErased(desk.Brand, DateTimeOffset.UtcNow, creator, 6));
        await AmbassadorNet.TestKit.Waiting.Eventually.UntilAsync(
            async _ => (await desk.BatchAsync(batch)).GetProperty("lines")[0].GetProperty("payeeReference").GetString() == "", "payee reference scrubbed");

        var line = (await desk.BatchAsync(batch)).GetProperty("lines")[0];
        Assert.Equal(25m, line.GetProperty("amount").GetDecimal());
        Assert.Equal((0m, 25m), await desk.BalancesAsync(creator));
        var profile = await Service.QueryAsync(desk.Brand, db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.PayoutProfiles, p => p.CreatorId == creator));
        Assert.Equal(("USD", "", true), (profile.Currency, profile.PayeeReference, profile.Erased));
    }
}

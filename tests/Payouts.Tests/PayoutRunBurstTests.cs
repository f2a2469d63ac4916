using System.Diagnostics;
using System.Net;
using System.Text;

namespace Payouts.Tests;

/// <summary>A run over many creators, exported and settled in one file: every line once, the ledger ties out. Timings go to the test output.</summary>
public sealed class PayoutRunBurstTests(PayoutsService service) : LedgerTest(service), IClassFixture<PayoutsService>
{
    [Fact]
    public async Task A_run_over_150_creators_with_three_entries_each_batches_exports_and_settles_them_all()
    {
        const int Creators = 150;
        var desk = new PayoutDesk(Service);
        var creators = Enumerable.Range(0, Creators).Select(_ => Guid.CreateVersion7()).ToList();
        await Service.PublishAllAsync([.. creators.Select(c => (object)Events.PayoutProfile(desk.Brand, c, 1))]);
        await Service.PublishAllAsync([.. creators.SelectMany(c => new[] { 10m, 20m, 0.5m }.Select(fee =>
            (object)Events.Approved(desk.Brand, Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), c, fee)))]);
        await Eventually.UntilAsync(
            async _ => await Service.QueryAsync(desk.Brand, async db => await db.Transactions.CountAsync() == 3 * Creators && await db.PayoutProfiles.CountAsync() == Creators),
            "fees and profiles", TimeSpan.FromMinutes(3));

        var clock = Stopwatch.StartNew();
        var run = await desk.RunReadAsync();
        var ran = clock.Elapsed;
        var batch = PayoutDesk.BatchOf(run);
        await desk.ApproveAsync(batch);
        clock.Restart();
        var export = await (await desk.ExportAsync(batch)).Content.ReadAsStringAsync();
        var exported = clock.Elapsed;
        var file = new StringBuilder("line_id,status,amount,currency,provider_reference,failure_reason\n");
        foreach (var row in export.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(r => r.Split(',')))
        {
            file.Append($"{row[0]},paid,{row[2]},{row[3]},PRV-{row[0][..8]},\n");
        }

        clock.Restart();
        var settlement = await desk.SettleAsync(batch, file.ToString());
        var settled = clock.Elapsed;
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{Creators} creators × 3 entries: run in {ran.TotalSeconds:F2} s, export in {exported.TotalSeconds:F2} s, settlement in {settled.TotalSeconds:F2} s");

        Assert.Equal(HttpStatusCode.OK, settlement.StatusCode);
        var detail = await desk.BatchAsync(batch);
        Assert.Equal(("settled", Creators, Creators * 30.5m), (detail.GetProperty("batch").GetProperty("status").GetString(),
            detail.GetProperty("batch").GetProperty("lineCount").GetInt32(), detail.GetProperty("batch").GetProperty("total").GetDecimal()));
        Assert.All(detail.GetProperty("lines").EnumerateArray(), l => Assert.Equal(("paid", 3), (l.GetProperty("status").GetString(), l.GetProperty("entries").GetArrayLength())));
        Assert.Equal((0m, 0m), await desk.BalancesAsync(creators[^1]));
    }
}

using System.Text.Json;
using Reliability.Tests.Money;

namespace Reliability.Tests.Faults;

/// <summary>
/// Scenario 7 of docs/reliability.md: the payouts service dies (as by kill -9) in the middle of a payout run,
/// after every line, ledger move and entry set is written and before the commit. Nothing of the
/// run survives; run again, the period gets one batch paying each creator exactly what was
/// available, and a further run answers that same batch: nobody is paid twice.
/// </summary>
[Collection(FaultySystemCollection.Name)]
public sealed class PayoutRunCrashTests(FaultySystemFixture fixture)
{
    private const string CrashPoint = "payout-run-before-commit";

    [Fact]
    public async Task A_run_killed_before_its_commit_leaves_nothing_and_the_next_run_pays_everyone_once()
    {
        var shop = await Shop.OpenAsync(await fixture.NewBrandAsync("Run crash"), "runcrash", creators: 3,
            [new CampaignSpec("Run percent", new Plan("percent", Percent: 10m), HoldingPeriodDays: 0)], partnerKeys: 1);
        foreach (var (creatorId, i) in shop.CreatorIds.Select((id, i) => (id, i)))
        {
            await shop.Admin.SendAsync(HttpMethod.Put, $"/api/creators/{creatorId}/payout-profile", new
            {
                method = "paypal", currency = "USD", payeeReference = $"PP-RUNCRASH-{i}", taxFormStatus = "verified",
            });
        }

        var model = new ReferenceModel();
        var orderedAt = DateTimeOffset.UtcNow.AddDays(-1);
        for (var i = 0; i < 9; i++)
        {
            var enrollment = shop.Enrollments[i % shop.Enrollments.Count];
            await Orders.PostAsync(shop.Partners[0], model, $"runcrash-{i}", enrollment, 100m + (i * 7), orderedAt, enrollment.PromoCode);
        }

        var releasedAt = await fixture.ReleaseAtRestAsync(shop.Admin);
        var before = await fixture.AtRestAsync(_ => Books.ReadAsync(shop.Admin, shop.CreatorIds, shop.CampaignIds), "the books before the run");
        Invariants.MatchModel(shop, model, releasedAt, before);
        Assert.All(before.Creators, c => Assert.True(c.Available > 0m, $"{c.CreatorId} has nothing available to pay"));
        var periodEnd = DateTimeOffset.UtcNow;

        fixture.ArmCrash("payouts", CrashPoint);
        var (crashed, body) = await shop.Admin.SendRawAsync(HttpMethod.Post, "/api/payouts/runs", System.Net.Http.Json.JsonContent.Create(new { periodEnd }));
        Assert.True((int)crashed >= 500, $"the run that died answered {(int)crashed} {body}");
        await fixture.System.WaitUntilGoneAsync("payouts");
        Assert.False(fixture.CrashArmed("payouts"), "payouts exited without reaching the crash point");
        await fixture.System.RestartAsync("payouts", TestContext.Current.CancellationToken);

        Assert.Equal(0, (await shop.Admin.SendAsync(HttpMethod.Get, "/api/payouts/batches")).GetProperty("items").GetArrayLength());
        Assert.Equal(before, await Books.ReadAsync(shop.Admin, shop.CreatorIds, shop.CampaignIds));

        var run = await shop.Admin.SendAsync(HttpMethod.Post, "/api/payouts/runs", new { periodEnd });
        Assert.True(run.GetProperty("created").GetBoolean());
        var batch = await BatchAsync(shop, run);
        var lines = batch.GetProperty("lines").EnumerateArray().ToDictionary(l => l.GetProperty("creatorId").GetGuid(), l => l.GetProperty("amount").GetDecimal());
        Assert.Equal(before.Creators.ToDictionary(c => c.CreatorId, c => c.Available), lines);
        Assert.Equal(before.Creators.Sum(c => c.Available), batch.GetProperty("batch").GetProperty("total").GetDecimal());

        var again = await shop.Admin.SendAsync(HttpMethod.Post, "/api/payouts/runs", new { periodEnd });
        Assert.False(again.GetProperty("created").GetBoolean());
        Assert.Equal(batch.GetRawText(), (await BatchAsync(shop, again)).GetRawText());

        var after = await fixture.AtRestAsync(_ => Books.ReadAsync(shop.Admin, shop.CreatorIds, shop.CampaignIds), "the books after the run");
        Invariants.Hold(after);
        Assert.All(after.Creators, c =>
        {
            Assert.Equal(0m, c.Available);
            Assert.Equal(before.Creator(c.CreatorId).Available, c.InPayout);
        });
        await fixture.AssertErrorQueuesAsExpectedAsync(["payouts", "analytics", "tracking"]);
    }

    /// <summary>The run's one batch with its lines, as the batch endpoint answers it.</summary>
    private static async Task<JsonElement> BatchAsync(Shop shop, JsonElement run)
    {
        var batchId = run.GetProperty("batches").EnumerateArray().Single().GetProperty("id").GetGuid();
        return await shop.Admin.SendAsync(HttpMethod.Get, $"/api/payouts/batches/{batchId}");
    }
}

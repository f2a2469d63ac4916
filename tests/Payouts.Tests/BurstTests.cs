using System.Diagnostics;

namespace Payouts.Tests;

/// <summary>A burst of conversions for a few creators: every one accrues once, the release moves them all, the ledger ties out. Timings go to the test output.</summary>
public sealed class BurstTests(PayoutsService service) : LedgerTest(service), IClassFixture<PayoutsService>
{
    [Fact]
    public async Task A_burst_of_conversions_accrues_each_once_and_releases_in_one_request()
    {
        const int PerCreator = 125;
        var scenarios = new List<Scenario>();
        var brand = Guid.CreateVersion7();
        for (var i = 0; i < 4; i++)
        {
            var scenario = new Scenario(Service, brand, Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), "USD");
            await Service.PublishAllAsync(
                Events.Launched(brand, scenario.CampaignId, Events.Terms(1, DateTimeOffset.UtcNow.AddDays(-90), Events.TenThenFifteen)),
                Events.Enrolled(brand, scenario.CampaignId, scenario.EnrollmentId, scenario.CreatorId, DateTimeOffset.UtcNow.AddDays(-90)));
            await scenario.KnownAsync();
            scenarios.Add(scenario);
        }

        var clock = Stopwatch.StartNew();
        foreach (var scenario in scenarios)
        {
            await Service.PublishAllAsync([.. Enumerable.Range(1, PerCreator).Select(rank => (object)Events.Attributed(
                brand, Guid.CreateVersion7(), scenario.CampaignId, scenario.EnrollmentId, scenario.CreatorId, 100m, DateTimeOffset.UtcNow.AddDays(-35), rank))]);
        }

        await Eventually.UntilAsync(async _ => await Service.QueryAsync(brand, db => db.Accruals.CountAsync()) == 4 * PerCreator, "every accrual", TimeSpan.FromMinutes(2));
        var accrued = clock.Elapsed;
        clock.Restart();
        var release = await Service.ReadAsync(HttpMethod.Post, "/api/payouts/release", brand);
        var released = clock.Elapsed;
        TestContext.Current.TestOutputHelper?.WriteLine($"{4 * PerCreator} conversions accrued in {accrued.TotalSeconds:F1} s; released in one request in {released.TotalSeconds:F1} s");

        // Per creator: ranks 1–20 at 10 % and 21–125 at 15 % of 100.
        Assert.Equal(4 * PerCreator, release.GetProperty("released").GetInt32());
        Assert.Equal(4 * (20 * 10m + 105 * 15m), release.GetProperty("amounts")[0].GetProperty("amount").GetDecimal());
        foreach (var scenario in scenarios)
        {
            Assert.Equal((0m, 20 * 10m + 105 * 15m), await scenario.BalancesAsync());
        }
    }
}

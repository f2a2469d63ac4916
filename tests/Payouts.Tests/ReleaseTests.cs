using AmbassadorNet.Payouts.Ledger;

namespace Payouts.Tests;

/// <summary>Pending until order time + holding period; released on demand and by the job, each release once.</summary>
public sealed class ReleaseTests(PayoutsService service) : LedgerTest(service), IClassFixture<PayoutsService>
{
    [Fact]
    public async Task Commission_stays_pending_until_the_order_time_plus_the_holding_period()
    {
        var scenario = await Scenario.StartAsync(Service, Events.Percent(10m));
        var orderedAt = DateTimeOffset.UtcNow.AddDays(-1);
        await scenario.AttributeAsync(100m, orderedAt);
        try
        {
            var now = await scenario.ReleaseAsync();
            Service.MoveClock(TimeSpan.FromDays(29) - TimeSpan.FromMinutes(1));
            var justBefore = await scenario.ReleaseAsync();
            var pendingJustBefore = await scenario.BalancesAsync();
            Service.MoveClock(TimeSpan.FromDays(29) + TimeSpan.FromMinutes(1));
            var justAfter = await scenario.ReleaseAsync();

            Assert.Equal((0, 0), (now.GetProperty("released").GetInt32(), justBefore.GetProperty("released").GetInt32()));
            Assert.Equal((10m, 0m), pendingJustBefore);
            Assert.Equal(1, justAfter.GetProperty("released").GetInt32());
            Assert.Equal(10m, justAfter.GetProperty("amounts")[0].GetProperty("amount").GetDecimal());
            Assert.Equal((0m, 10m), await scenario.BalancesAsync());
        }
        finally
        {
            Service.MoveClock(TimeSpan.Zero);
        }

        await Eventually.UntilAsync(async _ => (await Service.EventTypesAsync(scenario.Brand)).Contains("CommissionReleased"), "CommissionReleased");
        var released = JsonDocument.Parse((await Service.EventsAsync(scenario.Brand))[^1].Body).RootElement;
        Assert.Equal(10m, released.GetProperty("amount").GetProperty("amount").GetDecimal());
        var transaction = await Service.QueryAsync(scenario.Brand, db => db.Transactions.SingleAsync(t => t.CauseType == CauseTypes.Release));
        Assert.Equal(Service.FinanceKey, transaction.CausedByKeyId);
    }

    [Fact]
    public async Task Releases_requested_concurrently_post_each_accrual_once()
    {
        var scenario = await Scenario.StartAsync(Service, Events.Percent(10m));
        for (var i = 1; i <= 6; i++)
        {
            await scenario.AttributeAsync(100m, DateTimeOffset.UtcNow.AddDays(-40), rank: i);
        }

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => scenario.ReleaseAsync()));
        var again = await scenario.ReleaseAsync();

        Assert.Equal(6, answers.Sum(a => a.GetProperty("released").GetInt32()));
        Assert.Equal(0, again.GetProperty("released").GetInt32());
        Assert.Equal(6, await Service.QueryAsync(scenario.Brand, db => db.Transactions.CountAsync(t => t.CauseType == CauseTypes.Release)));
        Assert.Equal((0m, 60m), await scenario.BalancesAsync());
    }

    [Fact]
    public async Task Release_needs_the_finance_or_admin_role_and_an_api_key()
    {
        var brand = Guid.CreateVersion7();

        var manager = await Service.SendAsync(HttpMethod.Post, "/api/payouts/release", brand, roles: ["manager"]);
        var analyst = await Service.SendAsync(HttpMethod.Get, "/api/ledger/trial-balance", brand, roles: ["analyst"]);
        var admin = await Service.SendAsync(HttpMethod.Post, "/api/payouts/release", brand, roles: ["admin"]);
        var anonymous = await Service.Http.PostAsync("/api/payouts/release", null);

        Assert.Equal((403, 403, 200, 401), ((int)manager.StatusCode, (int)analyst.StatusCode, (int)admin.StatusCode, (int)anonymous.StatusCode));
    }
}

/// <summary>The scheduled job, on a 200 ms interval.</summary>
public sealed class ReleaseJobTests(ReleaseJobService service) : LedgerTest(service), IClassFixture<ReleaseJobService>
{
    [Fact]
    public async Task The_release_job_releases_due_commission_by_itself_and_records_itself_as_the_cause()
    {
        var scenario = await Scenario.StartAsync(Service, Events.Percent(10m));
        await Service.PublishAsync(Events.Attributed(scenario.Brand, Guid.CreateVersion7(), scenario.CampaignId, scenario.EnrollmentId, scenario.CreatorId, 100m, DateTimeOffset.UtcNow.AddDays(-31), 1));
        var notDue = await scenario.AttributeAsync(100m, DateTimeOffset.UtcNow.AddDays(-29), rank: 2);

        var balances = await Eventually.UntilAsync(_ => scenario.BalancesAsync(), b => b.Available == 10m, "released by the job");
        var release = await Service.QueryAsync(scenario.Brand, db => db.Transactions.SingleAsync(t => t.CauseType == CauseTypes.Release));

        Assert.Equal((10m, 10m), balances);
        Assert.Equal((ReleaseJob.JobName, null, null), (release.CausedByJob, release.CausedByKeyId, release.CausedByMessageId));
        Assert.Null((await scenario.AccrualAsync(notDue.ConversionId)).ReleasedAt);
    }

    [Fact]
    public async Task Two_replicas_releasing_at_once_post_each_release_once()
    {
        var scenario = await Scenario.StartAsync(Service, Events.Percent(10m));
        await using var second = await Service.StartReplicaAsync(TimeSpan.FromMilliseconds(150));
        try
        {
            var conversions = Enumerable.Range(1, 40).Select(rank =>
                Events.Attributed(scenario.Brand, Guid.CreateVersion7(), scenario.CampaignId, scenario.EnrollmentId, scenario.CreatorId, 100m, DateTimeOffset.UtcNow.AddDays(-31), rank)).ToArray();
            await Service.PublishAllAsync(conversions);

            var released = await Eventually.SettledAsync(
                _ => Service.QueryAsync(scenario.Brand, db => db.Accruals.CountAsync(a => a.ReleasedAt != null)), "released accruals", Service.Idle);

            Assert.Equal(40, released);
            Assert.Equal(40, await Service.QueryAsync(scenario.Brand, db => db.Transactions.CountAsync(t => t.CauseType == CauseTypes.Release)));
            Assert.Equal((0m, 400m), await scenario.BalancesAsync());
        }
        finally
        {
            await second.StopAsync();
        }

        MassTransit.LogContext.Current = null; // see docs/reliability.md
    }
}


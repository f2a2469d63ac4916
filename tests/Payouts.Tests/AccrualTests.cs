using AmbassadorNet.Commissions;
using AmbassadorNet.Contracts.Campaigns;
using AmbassadorNet.Messaging.Parking;

namespace Payouts.Tests;

/// <summary>Commission when a conversion is attributed: every plan at its boundaries, terms history, overrides, parking, duplicates.</summary>
public sealed class AccrualTests(PayoutsService service) : LedgerTest(service), IClassFixture<PayoutsService>
{
    /// <summary>The last UTC midnight that starts a month: 00:00 on the 1st of this month.</summary>
    private static readonly DateTimeOffset MonthStart = new(DateTimeOffset.UtcNow.Year, DateTimeOffset.UtcNow.Month, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Percent_commission_is_booked_as_pending_with_its_release_time_and_event()
    {
        var scenario = await Scenario.StartAsync(Service, Events.Percent(10m));
        var orderedAt = new DateTimeOffset(DateTimeOffset.UtcNow.AddDays(-2).UtcDateTime.Date, TimeSpan.Zero).AddHours(13.5);

        var accrual = await scenario.AttributeAsync(123.45m, orderedAt);
        var balances = await scenario.BalancesAsync();

        Assert.Equal(12.35m, accrual.Commission); // 12.345 rounds half away from zero
        Assert.Equal(orderedAt.AddDays(30), accrual.ReleasableAt);
        Assert.Equal((12.35m, 0m), balances);
        await Eventually.UntilAsync(async _ => (await Service.EventTypesAsync(scenario.Brand)).Contains("CommissionAccrued"), "CommissionAccrued");
        var body = JsonDocument.Parse((await Service.EventsAsync(scenario.Brand)).Single().Body).RootElement;
        Assert.Equal((12.35m, "percent", false), (body.GetProperty("commission").GetProperty("amount").GetDecimal(), body.GetProperty("planKind").GetString(), body.GetProperty("fromOverride").GetBoolean()));
        Assert.Equal(accrual.TransactionId, body.GetProperty("transactionId").GetGuid());
    }

    [Fact]
    public async Task Flat_commission_is_the_same_for_every_order()
    {
        var scenario = await Scenario.StartAsync(Service, Events.Flat(7.5m));

        var small = await scenario.AttributeAsync(1m, DateTimeOffset.UtcNow.AddHours(-1));
        var large = await scenario.AttributeAsync(900m, DateTimeOffset.UtcNow.AddHours(-1), rank: 2);

        Assert.Equal((7.5m, 7.5m), (small.Commission, large.Commission));
        Assert.Equal((15m, 0m), await scenario.BalancesAsync());
    }

    [Fact]
    public async Task Tiered_commission_pays_rank_20_at_the_first_tier_and_rank_21_at_the_second()
    {
        var scenario = await Scenario.StartAsync(Service, Events.TenThenFifteen);
        var orderedAt = DateTimeOffset.UtcNow.AddHours(-1);

        var twentieth = await scenario.AttributeAsync(100m, orderedAt, rank: 20);
        var twentyFirst = await scenario.AttributeAsync(100m, orderedAt, rank: 21);

        Assert.Equal((10m, 15m), (twentieth.Commission, twentyFirst.Commission));
    }

    [Fact]
    public async Task A_new_month_starts_again_at_the_first_tier_at_utc_midnight()
    {
        var scenario = await Scenario.StartAsync(Service, Events.TenThenFifteen);

        // Tracking ranks per UTC month: the last order of the old month is the 21st, the first of the new one the 1st.
        var lastOfMonth = await scenario.AttributeAsync(100m, MonthStart.AddMilliseconds(-1), rank: 21);
        var firstOfMonth = await scenario.AttributeAsync(100m, MonthStart, rank: 1);

        Assert.Equal((15m, 10m), (lastOfMonth.Commission, firstOfMonth.Commission));
    }

    [Fact]
    public async Task Terms_changed_at_utc_midnight_pay_orders_from_that_instant_and_earlier_orders_keep_the_old_terms()
    {
        var scenario = await Scenario.StartAsync(Service, Events.Percent(10m), since: MonthStart.AddDays(-60));
        var v1 = Events.Terms(1, MonthStart.AddDays(-60), Events.Percent(10m));
        await Service.PublishAsync(Events.TermsChanged(scenario.Brand, scenario.CampaignId, 3, Events.Terms(2, MonthStart, Events.Percent(20m), holdingDays: 14), v1));
        await Eventually.UntilAsync(async _ => await Service.QueryAsync(scenario.Brand, db => db.TermsVersions.CountAsync(t => t.CampaignId == scenario.CampaignId)) == 2, "terms v2");

        // Both arrive after the change; the order's time decides.
        var before = await scenario.AttributeAsync(100m, MonthStart.AddMilliseconds(-1));
        var at = await scenario.AttributeAsync(100m, MonthStart, rank: 2);

        Assert.Equal((10m, 1, 30), (before.Commission, before.TermsVersion, (int)(before.ReleasableAt - before.OrderedAt).TotalDays));
        Assert.Equal((20m, 2, 14), (at.Commission, at.TermsVersion, (int)(at.ReleasableAt - at.OrderedAt).TotalDays));
    }

    [Fact]
    public async Task An_order_stamped_before_the_launch_is_paid_by_the_launch_terms_rather_than_waiting_for_terms_forever()
    {
        var launch = DateTimeOffset.UtcNow.AddDays(-10);
        var scenario = await Scenario.StartAsync(Service, Events.Percent(10m), since: launch);

        var early = await scenario.AttributeAsync(100m, launch.AddMinutes(-2)); // the shop's clock ran behind ours

        Assert.Equal((10m, 1), (early.Commission, early.TermsVersion));
    }

    [Fact]
    public async Task An_enrollment_override_replaces_the_campaign_plan_from_its_effective_time()
    {
        var scenario = await Scenario.StartAsync(Service, Events.Percent(10m));
        var from = DateTimeOffset.UtcNow.AddDays(-5);
        await Service.PublishAsync(Events.OverrideSet(scenario.Brand, scenario.CampaignId, scenario.EnrollmentId, scenario.CreatorId, 3, Events.Flat(25m), from));
        await Eventually.UntilAsync(async _ => await Service.QueryAsync(scenario.Brand, db => db.EnrollmentVersions.CountAsync(e => e.EnrollmentId == scenario.EnrollmentId)) == 2, "override");

        var before = await scenario.AttributeAsync(200m, from.AddSeconds(-1));
        var after = await scenario.AttributeAsync(200m, from, rank: 2);

        Assert.Equal((20m, false, PlanKind.Percent), (before.Commission, before.FromOverride, before.PlanKind));
        Assert.Equal((25m, true, PlanKind.Flat), (after.Commission, after.FromOverride, after.PlanKind));
    }

    [Fact]
    public async Task A_cleared_override_gives_orders_from_then_on_the_campaign_plan_again_whatever_order_the_events_arrive_in()
    {
        var scenario = await Scenario.StartAsync(Service, Events.Percent(10m));
        var (set, cleared) = (DateTimeOffset.UtcNow.AddDays(-6), DateTimeOffset.UtcNow.AddDays(-3));
        // The clearing (version 4) arrives before the setting (version 3).
        await Service.PublishAsync(Events.OverrideSet(scenario.Brand, scenario.CampaignId, scenario.EnrollmentId, scenario.CreatorId, 4, null, cleared));
        await Service.PublishAsync(Events.OverrideSet(scenario.Brand, scenario.CampaignId, scenario.EnrollmentId, scenario.CreatorId, 3, Events.Flat(25m), set));
        await Eventually.UntilAsync(async _ => await Service.QueryAsync(scenario.Brand, db => db.EnrollmentVersions.CountAsync(e => e.EnrollmentId == scenario.EnrollmentId)) == 3, "both versions");

        var during = await scenario.AttributeAsync(200m, cleared.AddSeconds(-1));
        var after = await scenario.AttributeAsync(200m, cleared, rank: 2);

        Assert.Equal((25m, true), (during.Commission, during.FromOverride));
        Assert.Equal((20m, false), (after.Commission, after.FromOverride));
    }

    [Fact]
    public async Task A_conversion_that_arrives_before_its_campaign_and_enrollment_is_parked_then_accrues()
    {
        var (brand, campaign, enrollment, creator, conversion) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        var since = DateTimeOffset.UtcNow.AddDays(-10);

        await Service.PublishAsync(Events.Attributed(brand, conversion, campaign, enrollment, creator, 50m, since.AddDays(1), 1));
        await Eventually.UntilAsync(async _ => await Service.QueryAsync(brand, db => db.Set<ParkedMessage>().AnyAsync(p => p.Prerequisite == $"campaign:{campaign}")), "parked on the campaign");
        await Service.PublishAsync(Events.Launched(brand, campaign, Events.Terms(1, since, Events.Percent(10m))));
        // Replayed when the terms arrived, it still waits: the enrollment (and any override of it) is unknown.
        var waiting = await Eventually.SettledAsync(_ => Service.QueryAsync(brand, async db =>
            (await db.Set<ParkedMessage>().CountAsync(), await db.Accruals.CountAsync(), await db.TermsVersions.CountAsync())), "terms applied, conversion waiting", Service.Idle);
        Assert.Equal((1, 0, 1), waiting);
        await Service.PublishAsync(Events.Enrolled(brand, campaign, enrollment, creator, since));

        var accrual = await new Scenario(Service, brand, campaign, enrollment, creator, "USD").AccrualAsync(conversion);
        Assert.Equal(5m, accrual.Commission);
        Assert.False(await Service.QueryAsync(brand, db => db.Set<ParkedMessage>().AnyAsync()));
    }

    [Fact]
    public async Task Duplicated_and_redelivered_conversions_accrue_once()
    {
        var scenario = await Scenario.StartAsync(Service, Events.Percent(10m));
        var conversion = Guid.CreateVersion7();
        var attributed = Events.Attributed(scenario.Brand, conversion, scenario.CampaignId, scenario.EnrollmentId, scenario.CreatorId, 80m, DateTimeOffset.UtcNow.AddHours(-3), 1);
        var messageId = Guid.NewGuid();

        await Service.PublishAsync(attributed, messageId);
        await Service.PublishAsync(attributed, messageId);  // a redelivery
        await Service.PublishAsync(attributed);             // a re-publish under a new message id
        await Service.PublishAsync(attributed);

        var transactions = await Eventually.SettledAsync(
            _ => Service.QueryAsync(scenario.Brand, db => db.Transactions.CountAsync(t => t.CauseId == conversion)), "transactions of the conversion", Service.Idle);
        Assert.Equal(1, transactions);
        Assert.Equal((8m, 0m), await scenario.BalancesAsync());
        Assert.Equal(["CommissionAccrued"], await Service.EventTypesAsync(scenario.Brand));
    }

    [Fact]
    public async Task An_order_through_a_post_accrues_and_reverses_naming_the_post()
    {
        var scenario = await Scenario.StartAsync(Service, Events.Percent(10m));
        var (conversion, post) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        await Service.PublishAsync(Events.Attributed(scenario.Brand, conversion, scenario.CampaignId, scenario.EnrollmentId, scenario.CreatorId, 80m,
            DateTimeOffset.UtcNow.AddHours(-3), 1) with { PostId = post });
        var accrual = await scenario.AccrualAsync(conversion);
        await scenario.RefundAsync(accrual, "r-1", 20m, 20m);

        var events = await Eventually.SettledAsync(
            async _ => string.Join(";", (await Service.EventsAsync(scenario.Brand)).Select(e => e.Body)), "the ledger's events", Service.Idle);
        var bodies = events.Split(';').Select(b => System.Text.Json.JsonDocument.Parse(b).RootElement).ToList();

        Assert.Equal(post, accrual.PostId);
        Assert.Equal(2, bodies.Count(b => b.TryGetProperty("postId", out var p) && p.ValueKind == System.Text.Json.JsonValueKind.String && p.GetGuid() == post));
    }

    [Fact]
    public async Task A_zero_percent_plan_accrues_nothing_and_posts_nothing()
    {
        var scenario = await Scenario.StartAsync(Service, Events.Percent(0m));

        var accrual = await scenario.AttributeAsync(80m, DateTimeOffset.UtcNow.AddHours(-3));

        Assert.Equal((0m, null), (accrual.Commission, accrual.TransactionId));
        Assert.Equal(0, await Service.QueryAsync(scenario.Brand, db => db.Transactions.CountAsync()));
    }
}

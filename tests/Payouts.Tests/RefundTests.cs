namespace Payouts.Tests;

/// <summary>
/// Refunds by round(commission × cumulative refunded ÷ order amount) − already reversed: out of
/// pending before release, clawed back from available after, flat only on a full refund.
/// </summary>
public sealed class RefundTests(PayoutsService service) : LedgerTest(service), IClassFixture<PayoutsService>
{
    /// <summary>An order placed 40 days ago: its 30-day holding period is over, but nothing releases until the endpoint is called.</summary>
    private static DateTimeOffset Due => DateTimeOffset.UtcNow.AddDays(-40);

    [Fact]
    public async Task A_partial_refund_before_release_reverses_pending_and_only_the_rest_is_released()
    {
        var scenario = await Scenario.StartAsync(Service, Events.Percent(10m));
        var accrual = await scenario.AttributeAsync(100m, Due);

        var reversal = await scenario.RefundAsync(accrual, "r1", 30m, 30m);
        var afterRefund = await scenario.BalancesAsync();
        await scenario.ReleaseAsync();

        Assert.Equal((3m, false), (reversal.Amount, reversal.ClawedBack));
        Assert.Equal((7m, 0m), afterRefund);
        Assert.Equal((0m, 7m), await scenario.BalancesAsync());
    }

    [Fact]
    public async Task A_full_refund_before_release_leaves_nothing_to_release()
    {
        var scenario = await Scenario.StartAsync(Service, Events.Percent(10m));
        var accrual = await scenario.AttributeAsync(100m, Due);

        await scenario.RefundAsync(accrual, "r1", 100m, 100m);
        var released = await scenario.ReleaseAsync();

        Assert.Equal(1, released.GetProperty("released").GetInt32());
        Assert.Equal(0, released.GetProperty("amounts").GetArrayLength());
        Assert.Equal((0m, 0m), await scenario.BalancesAsync());
        await Eventually.SettledAsync(_ => Service.EventTypesAsync(scenario.Brand).ContinueWith(t => t.Result.Count), "events", Service.Idle);
        Assert.Equal(["CommissionAccrued", "CommissionReversed"], await Service.EventTypesAsync(scenario.Brand));
    }

    [Fact]
    public async Task Partial_then_full_refund_after_release_claws_back_from_available()
    {
        var scenario = await Scenario.StartAsync(Service, Events.Percent(10m));
        var accrual = await scenario.AttributeAsync(100m, Due);
        await scenario.ReleaseAsync();

        var partial = await scenario.RefundAsync(accrual, "r1", 50m, 50m);
        var afterPartial = await scenario.BalancesAsync();
        var full = await scenario.RefundAsync(accrual, "r2", 50m, 100m);

        Assert.Equal((5m, true), (partial.Amount, partial.ClawedBack));
        Assert.Equal((0m, 5m), afterPartial);
        Assert.Equal((5m, true), (full.Amount, full.ClawedBack));
        Assert.Equal((0m, 0m), await scenario.BalancesAsync());
        Assert.Equal(10m, (await scenario.AccrualAsync(accrual.ConversionId)).ReversedAmount);
    }

    [Fact]
    public async Task A_clawback_can_take_available_below_zero_and_later_earnings_offset_it()
    {
        var scenario = await Scenario.StartAsync(Service, Events.Percent(10m));
        var accrual = await scenario.AttributeAsync(100m, Due);
        await scenario.ReleaseAsync();
        // Available was mostly taken (as a payout would): 10 − 8 = 2 left.
        var adjustment = await Service.ReadAsync(HttpMethod.Post, "/api/ledger/adjustments", scenario.Brand,
            new { creatorId = scenario.CreatorId, currency = "USD", amount = -8m, reason = "Advance paid by bank transfer" });
        await Service.ReadAsync(HttpMethod.Post, $"/api/ledger/adjustments/{adjustment.GetProperty("id").GetGuid()}/approve", scenario.Brand, key: Guid.CreateVersion7());

        await scenario.RefundAsync(accrual, "r1", 100m, 100m);
        var negative = await scenario.BalancesAsync();
        await Service.PublishAsync(Events.Approved(scenario.Brand, Guid.CreateVersion7(), scenario.CampaignId, scenario.EnrollmentId, scenario.CreatorId, 20m));
        var offset = await Eventually.UntilAsync(_ => scenario.BalancesAsync(), b => b.Available != -8m, "the fee");

        Assert.Equal((0m, -8m), negative);
        Assert.Equal((0m, 12m), offset);
    }

    [Fact]
    public async Task A_flat_commission_reverses_only_on_a_full_refund()
    {
        var scenario = await Scenario.StartAsync(Service, Events.Flat(5m));
        var accrual = await scenario.AttributeAsync(100m, DateTimeOffset.UtcNow.AddHours(-1));

        var partial = await scenario.RefundAsync(accrual, "r1", 99.99m, 99.99m);
        var afterPartial = await scenario.BalancesAsync();
        var full = await scenario.RefundAsync(accrual, "r2", 0.01m, 100m);

        Assert.Equal((0m, null), (partial.Amount, partial.TransactionId));
        Assert.Equal((5m, 0m), afterPartial);
        Assert.Equal(5m, full.Amount);
        Assert.Equal((0m, 0m), await scenario.BalancesAsync());
    }

    [Fact]
    public async Task Refunds_arriving_out_of_order_reverse_the_same_total()
    {
        var scenario = await Scenario.StartAsync(Service, Events.Percent(10m));
        var accrual = await scenario.AttributeAsync(100m, DateTimeOffset.UtcNow.AddHours(-1));

        var later = await scenario.RefundAsync(accrual, "r2", 30m, 60m);
        var earlier = await scenario.RefundAsync(accrual, "r1", 30m, 30m);

        Assert.Equal((6m, 0m), (later.Amount, earlier.Amount));
        Assert.Equal((4m, 0m), await scenario.BalancesAsync());
    }

    [Fact]
    public async Task A_refund_that_arrives_before_its_conversion_is_parked_not_lost()
    {
        var scenario = await Scenario.StartAsync(Service, Events.Percent(10m));
        var conversion = Guid.CreateVersion7();

        await Service.PublishAsync(Events.Refunded(scenario.Brand, conversion, "r1", 40m, 40m, 100m, scenario.CampaignId, scenario.EnrollmentId, scenario.CreatorId));
        await Eventually.UntilAsync(async _ => await Service.QueryAsync(scenario.Brand, db =>
            db.Set<AmbassadorNet.Messaging.Parking.ParkedMessage>().AnyAsync(p => p.Prerequisite == $"conversion:{conversion}")), "refund parked");
        await scenario.AttributeAsync(100m, DateTimeOffset.UtcNow.AddHours(-1), conversionId: conversion);
        var reversal = await scenario.ReversalAsync(conversion, "r1");

        Assert.Equal(4m, reversal.Amount);
        Assert.Equal((6m, 0m), await scenario.BalancesAsync());
    }

    [Fact]
    public async Task A_duplicated_refund_reverses_once()
    {
        var scenario = await Scenario.StartAsync(Service, Events.Percent(10m));
        var accrual = await scenario.AttributeAsync(100m, DateTimeOffset.UtcNow.AddHours(-1));
        var refund = Events.Refunded(scenario.Brand, accrual.ConversionId, "r1", 50m, 50m, 100m, scenario.CampaignId, scenario.EnrollmentId, scenario.CreatorId);

        await Service.PublishAllAsync(refund, refund, refund);

        var reversals = await Eventually.SettledAsync(
            _ => Service.QueryAsync(scenario.Brand, db => db.Transactions.CountAsync(t => t.CauseType == CauseTypes.Reversal)), "reversals", Service.Idle);
        Assert.Equal(1, reversals);
        Assert.Equal((5m, 0m), await scenario.BalancesAsync());
    }

    [Fact]
    public async Task A_refund_of_an_unattributed_order_reverses_nothing()
    {
        var scenario = await Scenario.StartAsync(Service, Events.Percent(10m));

        await Service.PublishAsync(Events.Refunded(scenario.Brand, Guid.CreateVersion7(), "r1", 10m, 10m, 100m, null, null, null));

        var parkedOrPosted = await Eventually.SettledAsync(_ => Service.QueryAsync(scenario.Brand, async db =>
            await db.Set<AmbassadorNet.Messaging.Parking.ParkedMessage>().CountAsync() + await db.Transactions.CountAsync()), "nothing", Service.Idle);
        Assert.Equal(0, parkedOrPosted);
    }
}

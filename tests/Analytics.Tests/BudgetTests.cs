using System.Text.Json;
using AmbassadorNet.Contracts.Analytics;
using AmbassadorNet.Messaging;
using AmbassadorNet.TestKit.Waiting;
using static Analytics.Tests.Events;

namespace Analytics.Tests;

/// <summary>CampaignBudgetThresholdReached at 80% and 100% of a campaign's budget, once each.</summary>
public sealed class BudgetTests(AnalyticsService service) : IClassFixture<AnalyticsService>
{
    private static readonly DateTimeOffset Order = At(new DateOnly(2026, 4, 1));

    [Fact]
    public async Task Each_threshold_is_announced_once_even_when_spend_dips_and_rises_again()
    {
        var (brand, campaign, creator) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        await service.PublishAsync(Campaign(brand, campaign, budget: 100m));
        await SettledThresholdsAsync(brand);

        await service.PublishAsync(Accrued(brand, Guid.NewGuid(), campaign, creator, 79.99m, Order));
        Assert.Empty(await SettledThresholdsAsync(brand)); // 79.99%

        await service.PublishAsync(Fee(brand, campaign, creator, 0.01m, Order));
        Assert.Equal([(80, 100m, 80m)], await SettledThresholdsAsync(brand));

        var reversed = CommissionReversed(brand, Guid.NewGuid(), "r1", campaign, creator, 10m, Order);
        await service.PublishAsync(reversed);
        await service.PublishAsync(Accrued(brand, Guid.NewGuid(), campaign, creator, 10m, Order)); // back to 80%
        await service.PublishAsync(reversed); // a duplicate under a new id counts once
        Assert.Equal([(80, 100m, 80m)], await SettledThresholdsAsync(brand));

        await service.PublishAsync(Accrued(brand, Guid.NewGuid(), campaign, creator, 25m, Order));
        Assert.Equal([(80, 100m, 80m), (100, 100m, 105m)], await SettledThresholdsAsync(brand));

        var summary = await service.ReadAsync($"/api/analytics/campaigns/{campaign}/summary", brand);
        Assert.Equal(105m, summary.GetProperty("budgetConsumed").GetDecimal());
        Assert.Equal(-5m, summary.GetProperty("budgetRemaining").GetDecimal());
        Assert.Equal(105m, summary.GetProperty("budgetConsumedPercent").GetDecimal());
    }

    [Fact]
    public async Task A_budget_learned_after_the_spend_announces_every_threshold_it_already_passed()
    {
        var (brand, campaign, creator) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        await service.PublishAsync(Accrued(brand, Guid.NewGuid(), campaign, creator, 60m, Order));
        await service.PublishAsync(Campaign(brand, campaign, budget: null));
        Assert.Empty(await SettledThresholdsAsync(brand));

        await service.PublishAsync(CampaignUpdated(brand, campaign, "Spring Box", 50m, version: 3));

        Assert.Equal([(80, 50m, 60m), (100, 50m, 60m)], await SettledThresholdsAsync(brand));
    }

    /// <summary>The threshold events in the outbox once everything has drained and every one was dispatched.</summary>
    private async Task<List<(int Percent, decimal Budget, decimal Consumed)>> SettledThresholdsAsync(Guid brand)
    {
        var type = MessageTypes.NameOf(typeof(CampaignBudgetThresholdReached));
        var events = await Eventually.SettledAsync(async _ => string.Join(";", (await service.EventsAsync(brand))
            .Where(e => e.MessageType == type).Select(e => $"{e.Body}|{e.DispatchedAt is not null}")), "threshold events", service.Idle);
        Assert.DoesNotContain("|False", events, StringComparison.Ordinal);
        return (await service.EventsAsync(brand)).Where(e => e.MessageType == type)
            .Select(e => JsonSerializer.Deserialize<CampaignBudgetThresholdReached>(e.Body, JsonSerializerOptions.Web)!)
            .Select(e => (e.ThresholdPercent, e.Budget.Amount, e.Consumed.Amount)).ToList();
    }
}

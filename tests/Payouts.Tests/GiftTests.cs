using AmbassadorNet.Contracts;
using AmbassadorNet.Contracts.Campaigns;
using AmbassadorNet.TestKit.Waiting;

namespace Payouts.Tests;

/// <summary>Gifts are goods, not cash: no ledger entry, but a column of their own in the payee totals of the year delivered.</summary>
public sealed class GiftTests(PayoutsService service) : LedgerTest(service), IClassFixture<PayoutsService>
{
    [Fact]
    public async Task Gifts_delivered_in_a_year_appear_beside_the_cash_once_each_and_move_no_money()
    {
        var scenario = await Scenario.StartAsync(Service, Events.Percent(10m));
        await scenario.AttributeAsync(100m, DateTimeOffset.UtcNow.AddHours(-2));
        var year = DateTimeOffset.UtcNow.Year;
        var onlyGifts = Guid.CreateVersion7(); // a creator seeded with products who has earned nothing yet
        var boxes = Delivered(scenario.Brand, scenario.CreatorId, scenario.CampaignId, 2, 24.50m, new DateOnly(year, 1, 15));
        await Service.PublishAsync(boxes);
        await Service.PublishAsync(boxes); // a redelivery counts once
        await Service.PublishAsync(Delivered(scenario.Brand, scenario.CreatorId, scenario.CampaignId, 1, 80m, new DateOnly(year - 1, 12, 30)));
        await Service.PublishAsync(Delivered(scenario.Brand, onlyGifts, scenario.CampaignId, 3, 10m, new DateOnly(year, 3, 1)));
        await Eventually.UntilAsync(_ => Service.ScalarAsync<long>("SELECT count(*) FROM gift_receipts WHERE brand_id = @b", ("b", scenario.Brand)), n => n == 3, "three gifts kept");

        var totals = await Service.ReadAsync(HttpMethod.Get, $"/api/ledger/payee-totals?year={year}", scenario.Brand);
        var lastYear = await Service.ReadAsync(HttpMethod.Get, $"/api/ledger/payee-totals?year={year - 1}", scenario.Brand);
        var rows = totals.GetProperty("items").EnumerateArray().ToDictionary(r => r.GetProperty("creatorId").GetGuid());

        Assert.Equal((10m, 10m, 49m), (rows[scenario.CreatorId].GetProperty("commission").GetDecimal(), rows[scenario.CreatorId].GetProperty("total").GetDecimal(),
            rows[scenario.CreatorId].GetProperty("gifts").GetDecimal()));
        Assert.Equal((0m, 30m), (rows[onlyGifts].GetProperty("total").GetDecimal(), rows[onlyGifts].GetProperty("gifts").GetDecimal()));
        Assert.Equal(80m, lastYear.GetProperty("items").EnumerateArray().Single().GetProperty("gifts").GetDecimal());
        Assert.Equal(0, await Service.ScalarAsync<long>(
            "SELECT count(*) FROM ledger_accounts WHERE brand_id = @b AND creator_id = @c", ("b", scenario.Brand), ("c", onlyGifts)));
    }

    private static GiftDelivered Delivered(Guid brand, Guid creator, Guid campaign, int quantity, decimal unitValue, DateOnly on)
    {
        var gift = Guid.CreateVersion7();
        return new GiftDelivered(brand, DateTimeOffset.UtcNow, gift, 3, new GiftState(
            gift, Guid.NewGuid(), campaign, creator, null, "Vegan box", "VB-01", quantity, new MoneyAmount(unitValue, "USD"),
            new MoneyAmount(quantity * unitValue, "USD"), "delivered", on.AddDays(-3), on));
    }
}

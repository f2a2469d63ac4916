using System.Net;
using System.Text.Json;

namespace Reliability.Tests.Money;

/// <summary>
/// Scenario 5 of docs/reliability.md: a duplicate storm. One order posted 50 times at once, one refund posted
/// twice (at once, and again later), then every event of tracking, payouts, campaigns and creators
/// delivered twice more (the operator's re-publish, with the original message ids). The books read
/// through the gateway equal the reference model before the re-deliveries and do not move after them.
/// </summary>
[Collection(LedgerSystemCollection.Name)]
public sealed class DuplicateStormTests(LedgerSystemFixture fixture)
{
    private static readonly string[] Publishers = ["tracking", "payouts", "campaigns", "creators"];

    [Fact]
    public async Task Duplicate_orders_refunds_and_events_change_nothing()
    {
        var since = DateTimeOffset.UtcNow.AddSeconds(-5);
        var now = DateTimeOffset.UtcNow;
        var shop = await Shop.OpenAsync(await fixture.NewBrandAsync("Duplicate storm"), "storm", creators: 2,
        [
            new CampaignSpec("Storm percent", new Plan("percent", Percent: 10m), HoldingPeriodDays: 30),
            new CampaignSpec("Storm flat", new Plan("flat", FlatAmount: 4.00m), HoldingPeriodDays: 0),
        ], partnerKeys: 1);
        var partner = shop.Partners[0];
        var model = new ReferenceModel();

        // Ordinary orders, some past their holding period.
        for (var i = 0; i < 8; i++)
        {
            var enrollment = shop.Enrollments[i % shop.Enrollments.Count];
            await Orders.PostAsync(partner, model, $"storm-{i}", enrollment, 50m + i, now.AddDays(-3 - (i * 7)).AddHours(-3), enrollment.PromoCode);
        }

        // The same order 50 times at once: one conversion, every answer the same 201.
        var stormed = shop.Enrollments[0];
        var orderedAt = now.AddDays(-40);
        var storm = await Orders.StormAsync(partner, "/api/conversions", Orders.Body("storm-50", 200m, orderedAt, stormed.PromoCode), 50);
        Assert.All(storm, a => Assert.True(a.Status == HttpStatusCode.Created, $"{a.Status}: {a.Body}"));
        Assert.Single(storm.Select(a => a.Body).Distinct());
        model.Post("storm-50", stormed, 200m, orderedAt);

        // The same refund twice at once, and once more after: one refund.
        var refund = new { refundId = "refund-1", amount = 50m, currency = "USD" };
        var refunds = await Orders.StormAsync(partner, "/api/conversions/storm-50/refunds", refund, 2);
        refunds = [.. refunds, .. await Orders.StormAsync(partner, "/api/conversions/storm-50/refunds", refund, 1)];
        Assert.All(refunds, a => Assert.True(a.Status == HttpStatusCode.Created, $"{a.Status}: {a.Body}"));
        Assert.Single(refunds.Select(a => a.Body).Distinct());
        Assert.Equal(50m, JsonDocument.Parse(refunds[0].Body).RootElement.GetProperty("cumulativeRefunded").GetDecimal());
        model.Refund("storm-50", 50m);
        await Orders.RefundAsync(partner, model, "storm-3", "refund-full", 53m); // a flat commission reverses on a full refund

        var releasedAt = await fixture.ReleaseAtRestAsync(shop.Admin);
        var before = await ReadAtRestAsync(shop, "the books after the storm");
        Invariants.Hold(before);
        Invariants.MatchModel(shop, model, releasedAt, before);

        // Every event delivered twice more, each round drained before the next.
        for (var round = 1; round <= 2; round++)
        {
            var republished = 0;
            foreach (var service in Publishers)
            {
                var answer = await fixture.Operator.SendAsync(HttpMethod.Post, $"/ops/{service}/messaging/events/republish?since={Uri.EscapeDataString(since.ToString("O"))}");
                republished += answer.GetProperty("republished").GetInt32();
            }

            // 9 orders, 2 refunds, links and codes: tracking alone re-published more than these.
            Assert.True(republished > 11 + shop.Enrollments.Count * 2, $"round {round} re-published only {republished} events");
            var after = await ReadAtRestAsync(shop, $"the books after re-delivery round {round}");
            Assert.Equal(before.Text, after.Text);
        }

        await fixture.AssertErrorQueuesAsExpectedAsync(Publishers.Append("analytics"));
    }

    private Task<Books> ReadAtRestAsync(Shop shop, string what) =>
        fixture.AtRestAsync(_ => Books.ReadAsync(shop.Admin, shop.CreatorIds, shop.CampaignIds), what);
}

using System.Net;
using System.Text.Json;
using AmbassadorNet.TestKit.Waiting;

namespace Tracking.Tests;

/// <summary>Orders posted through the real API, attributed against the replicas and clicks in the real database.</summary>
public sealed class ConversionAttributionTests(TrackingService service) : IClassFixture<TrackingService>
{
    [Fact]
    public async Task A_promo_code_in_any_case_wins_over_another_creators_click_and_publishes_everything_payouts_needs()
    {
        var brand = Guid.CreateVersion7();
        var jane = await service.EnrollAsync(brand, handle: "@jane.doe");
        var bob = await service.EnrollAsync(brand, jane.CampaignId, handle: "@bob");
        var clickedAt = DateTimeOffset.UtcNow.AddHours(-2);
        var bobsClick = await service.ClickAsync(bob, clickedAt);
        var orderedAt = DateTimeOffset.UtcNow.AddMinutes(-1);

        var conversion = await service.ConvertAsync(brand, Shop.Order("A-1001", 59.9m, at: orderedAt, clickId: bobsClick, promo: jane.Promo.ToLowerInvariant(), customer: "cust-7"));
        await service.AllDispatchedAsync(brand);
        var published = Assert.Single(await service.EventsAsync(brand, "ConversionAttributed"));

        Assert.Equal(("attributed", "promo_code", jane.EnrollmentId), (conversion.Str("status"), conversion.Str("method"), conversion.GetProperty("enrollmentId").GetGuid()));
        Assert.Equal("59.90", conversion.GetProperty("amount").GetRawText());
        Assert.Equal(jane.EnrollmentId, published.GetProperty("enrollmentId").GetGuid());
        Assert.Equal((jane.CampaignId, jane.CreatorId), (published.GetProperty("campaignId").GetGuid(), published.GetProperty("creatorId").GetGuid()));
        Assert.Equal((59.9m, "USD"), (published.GetProperty("amount").GetProperty("amount").GetDecimal(), published.GetProperty("amount").GetProperty("currency").GetString()));
        Assert.Equal(("promo_code", 1, "cust-7"), (published.Str("method"), published.GetProperty("rankInMonth").GetInt32(), published.Str("customerId")));
        Assert.Equal(bobsClick, published.GetProperty("clickId").GetGuid());
        Assert.Equal(Micro(clickedAt), published.GetProperty("clickedAt").GetDateTimeOffset());
        Assert.Equal(Micro(orderedAt), published.GetProperty("orderedAt").GetDateTimeOffset());
        Assert.Equal(conversion.GetProperty("id").GetGuid(), published.GetProperty("conversionId").GetGuid());
    }

    [Fact]
    public async Task A_click_attributes_inside_the_campaign_window_up_to_and_including_its_last_instant()
    {
        var brand = Guid.CreateVersion7();
        var e = await service.EnrollAsync(brand, windowDays: 7);
        var clickedAt = Micro(DateTimeOffset.UtcNow.AddDays(-10));
        var click = await service.ClickAsync(e, clickedAt);

        var onBoundary = await service.ConvertAsync(brand, Shop.Order("edge-in", at: clickedAt.AddDays(7), clickId: click));
        var beyond = await service.ConvertAsync(brand, Shop.Order("edge-out", at: clickedAt.AddDays(7).AddTicks(10), clickId: click));
        var inside = await service.ConvertAsync(brand, Shop.Order("day-3", at: clickedAt.AddDays(3), clickId: click));

        Assert.Equal(("attributed", "click", e.EnrollmentId), (onBoundary.Str("status"), onBoundary.Str("method"), onBoundary.GetProperty("enrollmentId").GetGuid()));
        Assert.Equal(("unattributed", "outside_attribution_window"), (beyond.Str("status"), beyond.Str("reason")));
        Assert.Equal("click", inside.Str("method"));
        Assert.Equal(clickedAt, onBoundary.GetProperty("clickedAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task Suspicious_timing_is_flagged_and_kept_and_an_order_long_before_its_click_is_unattributed()
    {
        var brand = Guid.CreateVersion7();
        var e = await service.EnrollAsync(brand);
        var clickedAt = Micro(DateTimeOffset.UtcNow.AddHours(-3));
        var click = await service.ClickAsync(e, clickedAt);

        var quick = await service.ConvertAsync(brand, Shop.Order("quick", at: clickedAt.AddSeconds(4.999), clickId: click));
        var skewed = await service.ConvertAsync(brand, Shop.Order("skewed", at: clickedAt.AddMinutes(-5), clickId: click));
        var early = await service.ConvertAsync(brand, Shop.Order("early", at: clickedAt.AddMinutes(-5).AddTicks(-10), clickId: click));
        var normal = await service.ConvertAsync(brand, Shop.Order("normal", at: clickedAt.AddSeconds(5), clickId: click));
        var flagged = await service.ReadAsync(HttpMethod.Get, "/api/conversions?flagged=true", brand);
        await service.AllDispatchedAsync(brand);
        var unattributed = Assert.Single(await service.EventsAsync(brand, "ConversionUnattributed"));

        Assert.Equal(("click", "click_to_order_under_5s"), (quick.Str("method"), Flags(quick)));
        Assert.Equal(("click", "order_before_click"), (skewed.Str("method"), Flags(skewed)));
        Assert.Equal(("order_before_click", "order_before_click"), (early.Str("reason"), Flags(early)));
        Assert.Equal(("click", ""), (normal.Str("method"), Flags(normal)));
        Assert.Equal(["early", "quick", "skewed"], flagged.GetProperty("items").EnumerateArray().Select(i => i.Str("orderId")).Order());
        Assert.Equal(("early", "order_before_click"), (unattributed.Str("orderId"), unattributed.Str("reason")));
        Assert.Equal("order_before_click", string.Join(",", unattributed.GetProperty("flags").EnumerateArray().Select(f => f.GetString())));
    }

    [Fact]
    public async Task Orders_that_cannot_be_attributed_are_kept_with_the_most_specific_reason()
    {
        var brand = Guid.CreateVersion7();
        var e = await service.EnrollAsync(brand);
        var now = DateTimeOffset.UtcNow;
        var bot = await service.ClickAsync(e, now.AddHours(-1), bot: true);
        var dead = await service.ClickAsync(e, now.AddHours(-1), attributable: false);

        var reasons = new Dictionary<string, string?>
        {
            ["none"] = (await service.ConvertAsync(brand, Shop.Order("none"))).Str("reason"),
            ["unknown code"] = (await service.ConvertAsync(brand, Shop.Order("code", promo: "NOSUCHCODE"))).Str("reason"),
            ["unknown click"] = (await service.ConvertAsync(brand, Shop.Order("click", clickId: Guid.CreateVersion7()))).Str("reason"),
            ["bot"] = (await service.ConvertAsync(brand, Shop.Order("bot", clickId: bot))).Str("reason"),
            ["not attributable"] = (await service.ConvertAsync(brand, Shop.Order("dead", clickId: dead))).Str("reason"),
            ["bad code, bot click"] = (await service.ConvertAsync(brand, Shop.Order("both", promo: "NOSUCHCODE", clickId: bot))).Str("reason"),
        };
        await service.AllDispatchedAsync(brand);

        Assert.Equal("no_click_or_code", reasons["none"]);
        Assert.Equal("unknown_promo_code", reasons["unknown code"]);
        Assert.Equal("unknown_click", reasons["unknown click"]);
        Assert.Equal("bot_click", reasons["bot"]);
        Assert.Equal("click_not_attributable", reasons["not attributable"]);
        Assert.Equal("bot_click", reasons["bad code, bot click"]);
        Assert.Equal(6, (await service.EventsAsync(brand, "ConversionUnattributed")).Count);
        Assert.Empty(await service.EventsAsync(brand, "ConversionAttributed"));
    }

    [Fact]
    public async Task Paused_campaigns_still_earn_but_ended_campaigns_and_deactivated_codes_do_not()
    {
        var brand = Guid.CreateVersion7();
        var e = await service.EnrollAsync(brand);
        var click = await service.ClickAsync(e, DateTimeOffset.UtcNow.AddHours(-1));
        await service.PublishAsync(Events.Paused(brand, e.CampaignId, 3));
        await Eventually.UntilAsync(async _ => await service.ScalarAsync<string>("SELECT status FROM campaign_replicas WHERE campaign_id = @c", ("c", e.CampaignId)) == "paused", "paused");

        var whilePaused = await service.ConvertAsync(brand, Shop.Order("paused", promo: e.Promo));
        var codeId = (await service.ReadAsync(HttpMethod.Get, $"/api/promo-codes?enrollmentId={e.EnrollmentId}", brand)).GetProperty("items")[0].GetProperty("id").GetGuid();
        await service.ReadAsync(HttpMethod.Post, $"/api/promo-codes/{codeId}/deactivate", brand);
        var retiredCode = await service.ConvertAsync(brand, Shop.Order("retired", promo: e.Promo));
        await service.PublishAsync(Events.Ended(brand, e.CampaignId, 4));
        await Eventually.UntilAsync(async _ => await service.ScalarAsync<string>("SELECT status FROM campaign_replicas WHERE campaign_id = @c", ("c", e.CampaignId)) == "ended", "ended");
        var afterEnd = await service.ConvertAsync(brand, Shop.Order("ended", clickId: click));

        Assert.Equal("promo_code", whilePaused.Str("method"));
        Assert.Equal("promo_code_inactive", retiredCode.Str("reason"));
        Assert.Equal("campaign_ended", afterEnd.Str("reason"));
    }

    [Fact]
    public async Task An_order_in_another_currency_than_its_campaign_is_refused_and_nothing_is_stored_but_an_unattributed_one_keeps_its_currency()
    {
        var brand = Guid.CreateVersion7();
        var e = await service.EnrollAsync(brand, currency: "EUR");

        using var refused = await service.PostOrderAsync(brand, Shop.Order("usd-order", 20m, "USD", promo: e.Promo));
        var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
        var euros = await service.ConvertAsync(brand, Shop.Order("eur-order", 20m, "EUR", promo: e.Promo));
        var yen = await service.ConvertAsync(brand, Shop.Order("jpy-order", 2500m, "JPY"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.EndsWith("currency-mismatch", problem.Str("type"));
        Assert.Equal("EUR", problem.Str("campaignCurrency"));
        Assert.Equal(0L, await service.ScalarAsync<long>("SELECT count(*) FROM conversions WHERE brand_id = @b AND order_id = 'usd-order'", ("b", brand)));
        Assert.Equal(("promo_code", "EUR"), (euros.Str("method"), euros.Str("currency")));
        Assert.Equal(("unattributed", "JPY", "2500"), (yen.Str("status"), yen.Str("currency"), yen.GetProperty("amount").GetRawText()));
    }

    [Fact]
    public async Task The_click_id_a_redirect_appends_attributes_the_order_it_leads_to()
    {
        var brand = Guid.CreateVersion7();
        var e = await service.EnrollAsync(brand);
        var request = new HttpRequestMessage(HttpMethod.Get, $"/r/{e.Link}");
        request.Headers.UserAgent.ParseAdd("Mozilla/5.0 shopper");
        using var redirect = await service.Http.SendAsync(request);
        var clickId = Guid.Parse(System.Web.HttpUtility.ParseQueryString(redirect.Headers.Location!.Query)["amb_cid"]!);
        await Eventually.UntilAsync(async _ => await service.ScalarAsync<long>("SELECT count(*) FROM clicks WHERE id = @c", ("c", clickId)) == 1, "click stored");

        var conversion = await service.ConvertAsync(brand, Shop.Order("from-link", 42m, at: DateTimeOffset.UtcNow.AddSeconds(30), clickId: clickId));

        Assert.Equal(("click", e.EnrollmentId, clickId), (conversion.Str("method"), conversion.GetProperty("enrollmentId").GetGuid(), conversion.GetProperty("clickId").GetGuid()));
    }

    private static string Flags(JsonElement conversion) => string.Join(",", conversion.GetProperty("flags").EnumerateArray().Select(f => f.GetString()));

    private static DateTimeOffset Micro(DateTimeOffset t) => new(t.UtcTicks - (t.UtcTicks % 10), TimeSpan.Zero);
}

internal static class JsonElementExtensions
{
    public static string? Str(this JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value.ToString() : null;
}

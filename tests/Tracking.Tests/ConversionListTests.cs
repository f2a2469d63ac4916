using System.Net;
using System.Text.Json;

namespace Tracking.Tests;

public sealed class ConversionListTests(TrackingService service) : IClassFixture<TrackingService>
{
    [Fact]
    public async Task The_list_filters_and_walks_every_conversion_once_with_the_cursor()
    {
        var brand = Guid.CreateVersion7();
        var jane = await service.EnrollAsync(brand, handle: "@jane");
        var bob = await service.EnrollAsync(brand, jane.CampaignId, handle: "@bob");
        var start = DateTimeOffset.UtcNow.AddDays(-5);
        for (var i = 0; i < 7; i++)
        {
            await service.ConvertAsync(brand, Shop.Order($"J-{i}", 10m, at: start.AddHours(i), promo: jane.Promo));
        }

        await service.ConvertAsync(brand, Shop.Order("B-1", 10m, at: start.AddHours(1), promo: bob.Promo));
        await service.ConvertAsync(brand, Shop.Order("U-1", 10m, at: start.AddHours(2)));

        var walked = new List<string>();
        string? cursor = null;
        do
        {
            var page = await service.ReadAsync(HttpMethod.Get, $"/api/conversions?enrollmentId={jane.EnrollmentId}&limit=3{(cursor is null ? "" : $"&cursor={cursor}")}", brand);
            walked.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.Str("orderId")!));
            cursor = page.Str("nextCursor");
        }
        while (cursor is not null);

        Assert.Equal(Enumerable.Range(0, 7).Reverse().Select(i => $"J-{i}"), walked);
        Assert.Equal(["U-1"], await OrderIdsAsync(brand, "status=unattributed"));
        Assert.Equal(["B-1"], await OrderIdsAsync(brand, $"creatorId={bob.CreatorId}"));
        Assert.Equal(8, (await OrderIdsAsync(brand, $"campaignId={jane.CampaignId}&limit=50")).Count);
        var window = $"orderedFrom={Uri.EscapeDataString(start.AddHours(1).ToString("O"))}&orderedTo={Uri.EscapeDataString(start.AddHours(2).ToString("O"))}";
        Assert.Equal(["B-1", "J-1"], (await OrderIdsAsync(brand, window)).Order());
    }

    [Fact]
    public async Task A_click_id_or_promo_code_of_another_brand_never_attributes_and_brands_see_only_their_own_orders()
    {
        var (brand, other) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        var e = await service.EnrollAsync(brand);
        var click = await service.ClickAsync(e, DateTimeOffset.UtcNow.AddHours(-1));
        await service.ConvertAsync(brand, Shop.Order("SHARED-ID", 10m, promo: e.Promo));

        var byCode = await service.ConvertAsync(other, Shop.Order("X-1", 10m, promo: e.Promo));
        var byClick = await service.ConvertAsync(other, Shop.Order("X-2", 10m, clickId: click));
        var sameOrderId = await service.ConvertAsync(other, Shop.Order("SHARED-ID", 99m));
        using var refundAcross = await service.RefundAsync(other, "X-9", Shop.Refund("r", 1m));
        var ownList = await OrderIdsAsync(brand, "limit=50");
        var otherList = await OrderIdsAsync(other, "limit=50");

        Assert.Equal(("unattributed", "unknown_promo_code"), (byCode.Str("status"), byCode.Str("reason")));
        Assert.Equal(("unattributed", "unknown_click"), (byClick.Str("status"), byClick.Str("reason")));
        Assert.Equal("99.00", sameOrderId.GetProperty("amount").GetRawText());
        Assert.Equal(HttpStatusCode.NotFound, refundAcross.StatusCode);
        Assert.Equal(["SHARED-ID"], ownList);
        Assert.Equal(["SHARED-ID", "X-1", "X-2"], otherList.Order());
    }

    [Fact]
    public async Task A_refund_posted_by_another_brand_for_this_brands_order_is_a_404_and_refunds_nothing()
    {
        var (brand, other) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        await service.ConvertAsync(brand, Shop.Order("MINE", 10m));

        using var response = await service.RefundAsync(other, "MINE", Shop.Refund("r", 10m));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(0m, await service.ScalarAsync<decimal>("SELECT refunded_amount FROM conversions WHERE brand_id = @b", ("b", brand)));
    }

    private async Task<List<string>> OrderIdsAsync(Guid brand, string query) =>
        [.. (await service.ReadAsync(HttpMethod.Get, $"/api/conversions?{query}", brand)).GetProperty("items").EnumerateArray().Select(i => i.Str("orderId")!)];
}

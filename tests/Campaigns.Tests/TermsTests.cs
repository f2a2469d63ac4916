using System.Net;
using System.Text.Json;

namespace Campaigns.Tests;

public sealed class TermsTests(CampaignsService service) : IClassFixture<CampaignsService>
{
    [Fact]
    public async Task A_terms_change_applies_forward_and_the_terms_in_force_at_any_time_stay_answerable()
    {
        var brand = Guid.CreateVersion7();
        var id = await service.LaunchedAsync(brand);
        var launchedAt = (await service.ReadAsync(HttpMethod.Get, $"/api/campaigns/{id}", brand)).GetProperty("termsEffectiveFrom").GetDateTimeOffset();
        var from = DateTimeOffset.UtcNow.AddHours(1);

        var changed = await service.ReadAsync(HttpMethod.Patch, $"/api/campaigns/{id}", brand,
            new { commissionPlan = CampaignBodies.PercentPlan(12.5m), effectiveFrom = from });
        var before = await service.ReadAsync(HttpMethod.Get, $"/api/campaigns/{id}/terms?at={Q(from.AddSeconds(-1))}", brand);
        var after = await service.ReadAsync(HttpMethod.Get, $"/api/campaigns/{id}/terms?at={Q(from)}", brand);
        var beforeLaunch = await service.ReadAsync(HttpMethod.Get, $"/api/campaigns/{id}/terms?at={Q(launchedAt.AddSeconds(-1))}", brand);
        var draft = await service.SendAsync(HttpMethod.Get, $"/api/campaigns/{await service.DraftAsync(brand)}/terms", brand);
        var history = await service.ReadAsync(HttpMethod.Get, $"/api/campaigns/{id}/terms/history", brand);

        Assert.Equal(2, changed.GetProperty("termsVersion").GetInt32());
        Assert.Equal((1, 10m), (before.GetProperty("termsVersion").GetInt32(), Percent(before)));
        Assert.Equal((2, 12.5m), (after.GetProperty("termsVersion").GetInt32(), Percent(after)));
        Assert.Equal(1, beforeLaunch.GetProperty("termsVersion").GetInt32()); // an order stamped before the launch is paid by the launch terms
        Assert.Equal(HttpStatusCode.NotFound, draft.StatusCode);
        Assert.Equal([1, 2], history.EnumerateArray().Select(v => v.GetProperty("termsVersion").GetInt32()));
    }

    [Fact]
    public async Task Terms_cannot_change_backwards_nor_change_currency_nor_change_once_ended()
    {
        var brand = Guid.CreateVersion7();
        var id = await service.LaunchedAsync(brand);

        var backwards = await service.SendAsync(HttpMethod.Patch, $"/api/campaigns/{id}", brand,
            new { commissionPlan = CampaignBodies.PercentPlan(20m), effectiveFrom = DateTimeOffset.UtcNow.AddMinutes(-10) });
        var currency = await service.SendAsync(HttpMethod.Patch, $"/api/campaigns/{id}", brand, new { currency = "EUR" });
        await service.ReadAsync(HttpMethod.Post, $"/api/campaigns/{id}/end", brand);
        var ended = await service.SendAsync(HttpMethod.Patch, $"/api/campaigns/{id}", brand, new { commissionPlan = CampaignBodies.PercentPlan(20m) });
        var history = await service.ReadAsync(HttpMethod.Get, $"/api/campaigns/{id}/terms/history", brand);

        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
        Assert.Equal(["effectiveFrom"], await backwards.ErrorFieldsAsync());
        Assert.Equal(HttpStatusCode.Conflict, currency.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, ended.StatusCode);
        Assert.Equal(1, history.GetArrayLength());
    }

    [Fact]
    public async Task A_terms_change_publishes_the_new_terms_with_the_previous_and_other_changes_publish_an_update()
    {
        var brand = Guid.CreateVersion7();
        var id = await service.DraftAsync(brand);
        await service.ReadAsync(HttpMethod.Patch, $"/api/campaigns/{id}", brand, new { name = "Renamed draft" }); // drafts are private: no event
        await service.ReadAsync(HttpMethod.Post, $"/api/campaigns/{id}/launch", brand);
        await service.ReadAsync(HttpMethod.Patch, $"/api/campaigns/{id}", brand, new { deliverableFee = 75m });
        await service.ReadAsync(HttpMethod.Patch, $"/api/campaigns/{id}", brand, new { brief = new { keyMessages = new[] { "New message" } } });
        await service.ReadAsync(HttpMethod.Patch, $"/api/campaigns/{id}", brand, new { deliverableFee = 75m }); // no change: no event

        var events = await service.EventsAsync(brand);
        var changed = JsonDocument.Parse(events[1].Body).RootElement;

        Assert.Equal(["CampaignLaunched", "CampaignTermsChanged", "CampaignUpdated"], events.Select(e => e.MessageType.Split(',')[0].Split('.')[^1]));
        Assert.Equal(75m, changed.GetProperty("campaign").GetProperty("terms").GetProperty("deliverableFee").GetDecimal());
        Assert.Equal(2, changed.GetProperty("campaign").GetProperty("terms").GetProperty("termsVersion").GetInt32());
        Assert.Equal(50m, changed.GetProperty("previousTerms").GetProperty("deliverableFee").GetDecimal());
    }

    private static decimal Percent(JsonElement version) => version.GetProperty("terms").GetProperty("commissionPlan").GetProperty("percent").GetDecimal();

    private static string Q(DateTimeOffset at) => Uri.EscapeDataString(at.ToString("O"));
}

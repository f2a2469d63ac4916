using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AmbassadorNet.Security;

namespace Payouts.Tests;

/// <summary>A creator's own statement (<c>GET /api/me/statement</c>): the brand's statement of the token's creator, and no one else's.</summary>
public sealed class CreatorStatementTests(PayoutsService service) : IClassFixture<PayoutsService>
{
    [Fact]
    public async Task A_creator_reads_exactly_the_statement_the_brand_reads_for_them_page_by_page()
    {
        var (ana, _) = await TwoEarningCreatorsAsync();
        const string query = "?currency=USD&limit=1";

        var brandPages = await PagesAsync(cursor => service.ReadAsync(HttpMethod.Get, $"/api/ledger/creators/{ana.CreatorId}/statement{query}{cursor}", ana.Brand));
        var ownPages = await PagesAsync(cursor => service.ReadAsCreatorAsync(HttpMethod.Get, $"/api/me/statement{query}{cursor}", ana.Brand, ana.CreatorId));

        Assert.Equal(2, ownPages.Count);
        Assert.Equal(brandPages.Select(p => p.GetRawText()), ownPages.Select(p => p.GetRawText()));
        Assert.Equal(ana.CreatorId, ownPages[0].GetProperty("creatorId").GetGuid());
        Assert.Equal(30m, ownPages[^1].GetProperty("closing").GetProperty("pending").GetDecimal());
    }

    [Fact]
    public async Task A_creator_sees_nothing_of_another_creators_ledger_and_the_statements_rules_answer_as_the_brands()
    {
        var (ana, ben) = await TwoEarningCreatorsAsync();

        var anas = await service.ReadAsCreatorAsync(HttpMethod.Get, "/api/me/statement", ana.Brand, ana.CreatorId);
        var bens = await service.ReadAsCreatorAsync(HttpMethod.Get, "/api/me/statement", ben.Brand, ben.CreatorId);
        using var nobody = await service.SendAsCreatorAsync(HttpMethod.Get, "/api/me/statement", ana.Brand, Guid.CreateVersion7());
        using var badQuery = await service.SendAsCreatorAsync(HttpMethod.Get, "/api/me/statement?from=soon&limit=0", ana.Brand, ana.CreatorId);

        Assert.Equal([10m, 20m], anas.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("amount").GetDecimal()).Order());
        Assert.Equal([7m], bens.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("amount").GetDecimal()));
        Assert.DoesNotContain(ana.CreatorId.ToString(), bens.GetRawText(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.NotFound, nobody.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badQuery.StatusCode);
        Assert.Equal(["from", "limit"], (await badQuery.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(e => e.Name).Order());
    }

    [Fact]
    public async Task A_brand_key_is_refused_on_the_creators_statement_and_a_creator_on_the_brands_ledger()
    {
        var (ana, _) = await TwoEarningCreatorsAsync();

        using var brandOnMine = await service.SendAsync(HttpMethod.Get, "/api/me/statement", ana.Brand);
        using var adminOnMine = await service.SendAsync(HttpMethod.Get, "/api/me/statement", ana.Brand, roles: [Roles.Admin]);
        using var creatorOnLedger = await service.SendAsCreatorAsync(HttpMethod.Get, $"/api/ledger/creators/{ana.CreatorId}/statement", ana.Brand, ana.CreatorId);
        using var creatorOnTotals = await service.SendAsCreatorAsync(HttpMethod.Get, "/api/ledger/payee-totals?year=2026", ana.Brand, ana.CreatorId);

        Assert.Equal(
            [HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden],
            [brandOnMine.StatusCode, adminOnMine.StatusCode, creatorOnLedger.StatusCode, creatorOnTotals.StatusCode]);
    }

    /// <summary>Ana earns 10 and 20 (two orders of 100 and 200 at 10 %), Ben 7, in one brand and campaign.</summary>
    private async Task<(Scenario Ana, Scenario Ben)> TwoEarningCreatorsAsync()
    {
        var ana = await Scenario.StartAsync(service, Events.Percent(10m));
        var ben = new Scenario(service, ana.Brand, ana.CampaignId, Guid.CreateVersion7(), Guid.CreateVersion7(), ana.Currency);
        await service.PublishAsync(Events.Enrolled(ben.Brand, ben.CampaignId, ben.EnrollmentId, ben.CreatorId, DateTimeOffset.UtcNow.AddDays(-90)));
        await ben.KnownAsync();
        await ana.AttributeAsync(100m, DateTimeOffset.UtcNow.AddHours(-2));
        await ana.AttributeAsync(200m, DateTimeOffset.UtcNow.AddHours(-1), rank: 2);
        await ben.AttributeAsync(70m, DateTimeOffset.UtcNow.AddHours(-1));
        return (ana, ben);
    }

    private static async Task<List<JsonElement>> PagesAsync(Func<string, Task<JsonElement>> read)
    {
        var pages = new List<JsonElement> { await read("") };
        while (pages[^1].GetProperty("nextCursor").GetString() is { } next)
        {
            pages.Add(await read($"&cursor={Uri.EscapeDataString(next)}"));
        }

        return pages;
    }
}

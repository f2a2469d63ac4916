using System.Net;
using System.Text.Json;

namespace Campaigns.Tests;

/// <summary>
/// What a creator promised this brand in an accepted agreement limits their invitations to the brand's
/// other campaigns: a category the brand's policy pairs with the promised one conflicts, the promised
/// category itself does not (it is the brand's own product), and a version not yet accepted promises nothing.
/// </summary>
public sealed class AgreementExclusivityTests(CampaignsService service) : IClassFixture<CampaignsService>
{
    private static readonly DateOnly Start = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(10);

    [Fact]
    public async Task An_accepted_agreements_exclusivity_refuses_a_paired_category_and_allows_the_same_one()
    {
        var (brand, _, enrollment, creator) = await service.ActiveEnrollmentAsync();
        await service.ReadAsync(HttpMethod.Put, "/api/content-policy/exclusivity", brand,
            new { onConflict = "refuse", conflictingCategories = new[] { new[] { "vegan-snacks", "protein-bars" } } });
        var agreement = await service.ReadAsync(HttpMethod.Post, "/api/agreements", brand, new
        {
            enrollmentId = enrollment, text = "Exclusive for our snacks.",
            exclusivity = new { categories = new[] { "vegan-snacks" }, startsOn = Start, endsOn = Start.AddDays(60) },
        });
        var paired = await DatedCampaignAsync(brand, "protein-bars");
        var same = await DatedCampaignAsync(brand, "vegan-snacks");

        var beforeAcceptance = await service.SendAsync(HttpMethod.Post, $"/api/campaigns/{paired}/enrollments", brand, new { creatorId = creator });
        await service.ReadAsCreatorAsync(HttpMethod.Post, $"/api/me/agreements/{Id(agreement)}/accept", brand, creator,
            new { textSha256 = agreement.GetProperty("textSha256").GetString() });
        var other = await DatedCampaignAsync(brand, "protein-bars");
        var refused = await service.SendAsync(HttpMethod.Post, $"/api/campaigns/{other}/enrollments", brand, new { creatorId = creator });
        var allowed = await service.SendAsync(HttpMethod.Post, $"/api/campaigns/{same}/enrollments", brand, new { creatorId = creator });

        Assert.Equal(HttpStatusCode.Created, beforeAcceptance.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains($"vegan-snacks from {Start:yyyy-MM-dd} to {Start.AddDays(60):yyyy-MM-dd} (agreement", (await Json(refused)).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Created, allowed.StatusCode);
    }

    private Task<Guid> DatedCampaignAsync(Guid brand, string category) => service.DraftAsync(brand, new
    {
        name = $"Campaign {category}", alwaysOn = false, productCategory = category,
        startsAt = Start.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc), endsAt = Start.AddDays(30).ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc),
    });

    private static async Task<JsonElement> Json(HttpResponseMessage response) => JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private static Guid Id(JsonElement resource) => resource.GetProperty("id").GetGuid();
}

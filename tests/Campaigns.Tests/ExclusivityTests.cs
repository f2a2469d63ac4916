using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.Tests;

/// <summary>
/// Exclusivity against the real service: a campaign's product category, the brand's policy, creators'
/// declared exclusivities, and the check when a creator is invited (one or in bulk), flagged or refused.
/// </summary>
public sealed class ExclusivityTests(CampaignsService service) : IClassFixture<CampaignsService>
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    // The campaigns below run from noon of Today+30 to noon of Today+90 (UTC).
    private static readonly DateOnly CampaignStart = Today.AddDays(30);
    private static readonly DateOnly CampaignEnd = Today.AddDays(90);

    [Fact]
    public async Task A_campaign_takes_a_product_category_on_create_and_patch_and_shows_it()
    {
        var brand = Guid.CreateVersion7();
        var id = await service.DraftAsync(brand, new { name = "Cola summer", productCategory = "cola" });

        var created = await service.ReadAsync(HttpMethod.Get, $"/api/campaigns/{id}", brand);
        var patched = await service.ReadAsync(HttpMethod.Patch, $"/api/campaigns/{id}", brand, new { productCategory = "energy-drinks" });
        var bad = await service.SendAsync(HttpMethod.Patch, $"/api/campaigns/{id}", brand, new { productCategory = "Energy Drinks" });
        var after = await service.ReadAsync(HttpMethod.Get, $"/api/campaigns/{id}", brand);
        var none = await service.ReadAsync(HttpMethod.Get, $"/api/campaigns/{await service.DraftAsync(brand, new { name = "No category" })}", brand);

        Assert.Equal("cola", created.GetProperty("productCategory").GetString());
        Assert.Equal("energy-drinks", patched.GetProperty("productCategory").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(["productCategory"], await bad.ErrorFieldsAsync());
        Assert.Equal("energy-drinks", after.GetProperty("productCategory").GetString());
        Assert.Equal(JsonValueKind.Null, none.GetProperty("productCategory").ValueKind);
    }

    [Fact]
    public async Task CampaignLaunched_carries_the_product_category()
    {
        var brand = Guid.CreateVersion7();
        var id = await service.DraftAsync(brand);
        await service.ReadAsync(HttpMethod.Patch, $"/api/campaigns/{id}", brand, new { productCategory = "cola" });
        await service.ReadAsync(HttpMethod.Post, $"/api/campaigns/{id}/launch", brand);

        var launched = JsonDocument.Parse((await service.EventsAsync(brand)).Single().Body).RootElement;

        Assert.Equal("cola", launched.GetProperty("campaign").GetProperty("productCategory").GetString());
    }

    [Fact]
    public async Task The_policy_is_flag_with_no_pairs_until_the_brand_sets_its_own_and_the_same_policy_again_changes_nothing()
    {
        var brand = Guid.CreateVersion7();
        var body = new { onConflict = "refuse", conflictingCategories = new[] { new[] { "energy-drinks", "cola" }, new[] { "juice", "cola" } } };

        var initial = await service.ReadAsync(HttpMethod.Get, "/api/content-policy/exclusivity", brand);
        var set = await service.ReadAsync(HttpMethod.Put, "/api/content-policy/exclusivity", brand, body);
        var again = await service.ReadAsync(HttpMethod.Put, "/api/content-policy/exclusivity", brand, body);
        var read = await service.ReadAsync(HttpMethod.Get, "/api/content-policy/exclusivity", brand);
        var events = await service.EventsAsync(brand);

        Assert.Equal(("flag", 0, true, 0L), (initial.GetProperty("onConflict").GetString(), initial.GetProperty("conflictingCategories").GetArrayLength(),
            initial.GetProperty("isDefault").GetBoolean(), initial.GetProperty("version").GetInt64()));
        Assert.Equal(("refuse", false, 1L), (set.GetProperty("onConflict").GetString(), set.GetProperty("isDefault").GetBoolean(), set.GetProperty("version").GetInt64()));
        Assert.Equal("[[\"cola\",\"energy-drinks\"],[\"cola\",\"juice\"]]", read.GetProperty("conflictingCategories").GetRawText());
        Assert.Equal(1L, again.GetProperty("version").GetInt64());
        var changed = Assert.Single(events);
        Assert.EndsWith("ExclusivityPolicyChanged", changed.MessageType.Split(',')[0]);
        Assert.Equal("refuse", JsonDocument.Parse(changed.Body).RootElement.GetProperty("onConflict").GetString());
    }

    public static TheoryData<string, string> BadPolicies => new()
    {
        { """{"conflictingCategories":[]}""", "onConflict" },
        { """{"onConflict":"warn","conflictingCategories":[]}""", "onConflict" },
        { """{"onConflict":"flag"}""", "conflictingCategories" },
        { """{"onConflict":"flag","conflictingCategories":[["cola","cola"]]}""", "conflictingCategories[0]" },
        { """{"onConflict":"flag","conflictingCategories":[["cola"]]}""", "conflictingCategories[0]" },
        { """{"onConflict":"flag","conflictingCategories":[["cola","juice","tea"]]}""", "conflictingCategories[0]" },
        { """{"onConflict":"flag","conflictingCategories":[["cola","Energy Drinks"]]}""", "conflictingCategories[0]" },
        { """{"onConflict":"flag","conflictingCategories":[["cola",null]]}""", "conflictingCategories[0]" },
        { """{"onConflict":"flag","conflictingCategories":[null]}""", "conflictingCategories[0]" },
        { """{"onConflict":"flag","conflictingCategories":[["cola","juice"],["juice","cola"]]}""", "conflictingCategories[1]" },
    };

    [Theory]
    [MemberData(nameof(BadPolicies))]
    public async Task A_bad_policy_is_a_400_naming_the_field_and_changes_nothing(string json, string field)
    {
        var brand = Guid.CreateVersion7();

        var response = await service.SendAsync(HttpMethod.Put, "/api/content-policy/exclusivity", brand, JsonDocument.Parse(json).RootElement);
        var policy = await service.ReadAsync(HttpMethod.Get, "/api/content-policy/exclusivity", brand);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([field], await response.ErrorFieldsAsync());
        Assert.True(policy.GetProperty("isDefault").GetBoolean());
        Assert.Empty(await service.EventsAsync(brand));
    }

    [Fact]
    public async Task More_than_200_pairs_is_a_400_naming_conflictingCategories()
    {
        var brand = Guid.CreateVersion7();
        var pairs = Enumerable.Range(0, 201).Select(i => new[] { $"a{i}", $"b{i}" }).ToArray();

        var response = await service.SendAsync(HttpMethod.Put, "/api/content-policy/exclusivity", brand, new { onConflict = "flag", conflictingCategories = pairs });
        var exactly200 = await service.ReadAsync(HttpMethod.Put, "/api/content-policy/exclusivity", brand, new { onConflict = "flag", conflictingCategories = pairs[..200] });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["conflictingCategories"], await response.ErrorFieldsAsync());
        Assert.Equal(200, exactly200.GetProperty("conflictingCategories").GetArrayLength());
    }

    [Fact]
    public async Task A_creator_declares_lists_and_withdraws_their_own_and_cannot_withdraw_another_creators()
    {
        var brand = Guid.CreateVersion7();
        var (ana, ben) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        var anas = await DeclareAsync(brand, ana, "cola", Today.AddDays(10), Today.AddDays(100));
        var bens = await DeclareAsync(brand, ben, "juice", Today, Today.AddDays(5));

        var anaWithdrawsBens = await service.SendAsCreatorAsync(HttpMethod.Delete, $"/api/me/exclusivities/{bens}", brand, ana);
        var anaReadsBens = await service.SendAsCreatorAsync(HttpMethod.Get, $"/api/me/exclusivities/{bens}", brand, ana);
        var anaLists = await service.ReadAsCreatorAsync(HttpMethod.Get, "/api/me/exclusivities", brand, ana);
        var brandLists = await service.ReadAsync(HttpMethod.Get, "/api/exclusivities", brand);
        var withdrawn = await service.SendAsCreatorAsync(HttpMethod.Delete, $"/api/me/exclusivities/{anas}", brand, ana);
        var again = await service.SendAsCreatorAsync(HttpMethod.Delete, $"/api/me/exclusivities/{anas}", brand, ana);
        var brandAfter = await service.ReadAsync(HttpMethod.Get, "/api/exclusivities", brand);
        var types = (await service.EventsAsync(brand)).Select(e => e.MessageType.Split(',')[0].Split('.')[^1]);

        Assert.Equal(HttpStatusCode.NotFound, anaWithdrawsBens.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, anaReadsBens.StatusCode);
        var own = Assert.Single(anaLists.GetProperty("items").EnumerateArray());
        Assert.Equal((anas, ana, "cola", Today.AddDays(10), Today.AddDays(100), "creator"), (own.GetProperty("id").GetGuid(), own.GetProperty("creatorId").GetGuid(),
            own.GetProperty("category").GetString(), DateOnly.Parse(own.GetProperty("startsOn").GetString()!), DateOnly.Parse(own.GetProperty("endsOn").GetString()!),
            own.GetProperty("declaredBy").GetString()));
        Assert.Equal([bens, anas], brandLists.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetGuid()));
        Assert.Equal(HttpStatusCode.NoContent, withdrawn.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal([bens], brandAfter.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetGuid()));
        Assert.Equal(["CreatorExclusivityDeclared", "CreatorExclusivityDeclared", "CreatorExclusivityWithdrawn"], types);
    }

    [Fact]
    public async Task The_brand_lists_by_creator_and_by_a_day_covered_and_records_one_for_a_known_creator()
    {
        var brand = Guid.CreateVersion7();
        var (ana, ben) = (await ApprovedAsync(brand), Guid.CreateVersion7());
        var soon = await DeclareAsync(brand, ana, "cola", Today, Today.AddDays(9));
        var later = await DeclareAsync(brand, ben, "cola", Today.AddDays(10), Today.AddDays(20));

        var recorded = await service.ReadAsync(HttpMethod.Post, "/api/exclusivities", brand,
            new { creatorId = ana, category = "juice", startsOn = Today.AddDays(15), endsOn = Today.AddDays(30) });
        var unknown = await service.SendAsync(HttpMethod.Post, "/api/exclusivities", brand,
            new { creatorId = Guid.CreateVersion7(), category = "juice", startsOn = Today, endsOn = Today });
        var anas = await service.ReadAsync(HttpMethod.Get, $"/api/exclusivities?creatorId={ana}", brand);
        var onDay12 = await service.ReadAsync(HttpMethod.Get, $"/api/exclusivities?activeOn={Today.AddDays(12):yyyy-MM-dd}", brand);
        var onDay9 = await service.ReadAsync(HttpMethod.Get, $"/api/exclusivities?activeOn={Today.AddDays(9):yyyy-MM-dd}", brand);

        Assert.Equal(("staff", ana), (recorded.GetProperty("declaredBy").GetString(), recorded.GetProperty("creatorId").GetGuid()));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(["creatorId"], await unknown.ErrorFieldsAsync());
        Assert.Equal([recorded.GetProperty("id").GetGuid(), soon], Ids(anas));
        Assert.Equal([later], Ids(onDay12));
        Assert.Equal([soon], Ids(onDay9));
    }

    public static TheoryData<string, string> BadDeclarations => new()
    {
        { """{"startsOn":"2030-01-01","endsOn":"2030-01-31"}""", "category" },
        { """{"category":"Cola","startsOn":"2030-01-01","endsOn":"2030-01-31"}""", "category" },
        { """{"category":"cola","endsOn":"2030-01-31"}""", "startsOn" },
        { """{"category":"cola","startsOn":"2030-01-01"}""", "endsOn" },
        { """{"category":"cola","startsOn":"2030-02-01","endsOn":"2030-01-31"}""", "endsOn" },
        { """{"category":"cola","startsOn":"2020-01-01","endsOn":"2020-01-31"}""", "endsOn" },
    };

    [Theory]
    [MemberData(nameof(BadDeclarations))]
    public async Task A_bad_declaration_is_a_400_naming_the_field_and_stores_nothing(string json, string field)
    {
        var brand = Guid.CreateVersion7();
        var creator = Guid.CreateVersion7();

        var response = await service.SendAsCreatorAsync(HttpMethod.Post, "/api/me/exclusivities", brand, creator, JsonDocument.Parse(json).RootElement);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([field], await response.ErrorFieldsAsync());
        Assert.Equal(0, (await service.ReadAsCreatorAsync(HttpMethod.Get, "/api/me/exclusivities", brand, creator)).GetProperty("items").GetArrayLength());
        Assert.Empty(await service.EventsAsync(brand));
    }

    [Fact]
    public async Task Flag_mode_invites_with_the_conflict_shown_in_the_view_the_event_and_the_flagged_filter()
    {
        var brand = Guid.CreateVersion7();
        var campaign = await DatedCampaignAsync(brand, "cola");
        var (held, clear) = (await ApprovedAsync(brand), await ApprovedAsync(brand));
        var declared = await DeclareAsync(brand, held, "cola", CampaignEnd, CampaignEnd.AddDays(30)); // overlaps on the campaign's last day

        var flagged = await InviteAsync(brand, campaign, held);
        var plain = await InviteAsync(brand, campaign, clear);
        var flaggedList = await service.ReadAsync(HttpMethod.Get, $"/api/campaigns/{campaign}/enrollments?flagged=true", brand);
        var cleanList = await service.ReadAsync(HttpMethod.Get, $"/api/campaigns/{campaign}/enrollments?flagged=false", brand);
        var read = await service.ReadAsync(HttpMethod.Get, $"/api/campaigns/{campaign}/enrollments/{Id(flagged)}", brand);
        var invited = (await service.EventsAsync(brand)).Where(e => e.MessageType.Contains("CreatorInvited")).Select(e => JsonDocument.Parse(e.Body).RootElement).ToList();

        var expected = $$"""[{"category":"cola","startsOn":"{{CampaignEnd:yyyy-MM-dd}}","endsOn":"{{CampaignEnd.AddDays(30):yyyy-MM-dd}}","source":"declared","sourceId":"{{declared}}"}]""";
        Assert.Equal(expected, flagged.GetProperty("exclusivityConflicts").GetRawText());
        Assert.Equal(expected, read.GetProperty("exclusivityConflicts").GetRawText());
        Assert.Equal("[]", plain.GetProperty("exclusivityConflicts").GetRawText());
        Assert.Equal([Id(flagged)], Ids(flaggedList));
        Assert.Equal([Id(plain)], Ids(cleanList));
        // Compared as JSON values: the test does not depend on how the outbox stores the text.
        Assert.True(JsonElement.DeepEquals(JsonDocument.Parse(expected).RootElement,
            invited.Single(e => e.GetProperty("enrollmentId").GetGuid() == Id(flagged)).GetProperty("exclusivityConflicts")));
        Assert.Equal(JsonValueKind.Null, invited.Single(e => e.GetProperty("enrollmentId").GetGuid() == Id(plain)).GetProperty("exclusivityConflicts").ValueKind);
    }

    [Fact]
    public async Task Refuse_mode_answers_409_naming_the_promise_and_creates_nothing()
    {
        var brand = Guid.CreateVersion7();
        await SetPolicyAsync(brand, "refuse", ["energy-drinks", "cola"]);
        var campaign = await DatedCampaignAsync(brand, "cola");
        var creator = await ApprovedAsync(brand);
        var declared = await DeclareAsync(brand, creator, "energy-drinks", Today, CampaignStart);
        var before = (await service.EventsAsync(brand)).Count;

        var response = await service.SendAsync(HttpMethod.Post, $"/api/campaigns/{campaign}/enrollments", brand, new { creatorId = creator });
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var enrollments = await service.ReadAsync(HttpMethod.Get, $"/api/campaigns/{campaign}/enrollments", brand);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(
            $"Creator {creator} holds an exclusivity that conflicts with this campaign's category \"cola\": energy-drinks from {Today:yyyy-MM-dd} to {CampaignStart:yyyy-MM-dd} "
            + $"(declared exclusivity {declared}). The brand's exclusivity policy refuses such invitations.",
            problem.GetProperty("detail").GetString());
        Assert.Equal(0, enrollments.GetProperty("items").GetArrayLength());
        Assert.Equal(before, (await service.EventsAsync(brand)).Count);
    }

    [Theory]
    [InlineData(-1, false)] // ends the day before the campaign starts
    [InlineData(0, true)] // ends on its first day
    public async Task A_window_overlaps_only_when_it_reaches_the_campaigns_first_day(int endOffset, bool conflicts)
    {
        var brand = Guid.CreateVersion7();
        await SetPolicyAsync(brand, "refuse");
        var campaign = await DatedCampaignAsync(brand, "cola");
        var creator = await ApprovedAsync(brand);
        await DeclareAsync(brand, creator, "cola", Today, CampaignStart.AddDays(endOffset));

        var response = await service.SendAsync(HttpMethod.Post, $"/api/campaigns/{campaign}/enrollments", brand, new { creatorId = creator });

        Assert.Equal(conflicts ? HttpStatusCode.Conflict : HttpStatusCode.Created, response.StatusCode);
    }

    [Theory]
    [InlineData("energy-drinks", "cola")]
    [InlineData("cola", "energy-drinks")]
    public async Task A_listed_pair_conflicts_in_either_order_and_an_unlisted_category_does_not(string declared, string campaignCategory)
    {
        var brand = Guid.CreateVersion7();
        await SetPolicyAsync(brand, "flag", ["energy-drinks", "cola"]);
        var campaign = await DatedCampaignAsync(brand, campaignCategory);
        var (listed, unlisted) = (await ApprovedAsync(brand), await ApprovedAsync(brand));
        await DeclareAsync(brand, listed, declared, CampaignStart, CampaignEnd);
        await DeclareAsync(brand, unlisted, "juice", CampaignStart, CampaignEnd);

        var flagged = await InviteAsync(brand, campaign, listed);
        var plain = await InviteAsync(brand, campaign, unlisted);

        Assert.Equal(declared, Assert.Single(flagged.GetProperty("exclusivityConflicts").EnumerateArray()).GetProperty("category").GetString());
        Assert.Equal(0, plain.GetProperty("exclusivityConflicts").GetArrayLength());
    }

    [Fact]
    public async Task A_campaign_without_a_category_and_a_withdrawn_exclusivity_conflict_with_nothing()
    {
        var brand = Guid.CreateVersion7();
        await SetPolicyAsync(brand, "refuse");
        var uncategorised = await DatedCampaignAsync(brand, null);
        var cola = await DatedCampaignAsync(brand, "cola");
        var creator = await ApprovedAsync(brand);
        var declared = await DeclareAsync(brand, creator, "cola", Today, CampaignEnd);

        var intoUncategorised = await service.SendAsync(HttpMethod.Post, $"/api/campaigns/{uncategorised}/enrollments", brand, new { creatorId = creator });
        var refused = await service.SendAsync(HttpMethod.Post, $"/api/campaigns/{cola}/enrollments", brand, new { creatorId = creator });
        await service.SendAsCreatorAsync(HttpMethod.Delete, $"/api/me/exclusivities/{declared}", brand, creator);
        var afterWithdrawal = await service.SendAsync(HttpMethod.Post, $"/api/campaigns/{cola}/enrollments", brand, new { creatorId = creator });

        Assert.Equal(HttpStatusCode.Created, intoUncategorised.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Created, afterWithdrawal.StatusCode);
    }

    [Theory]
    [InlineData("refuse")]
    [InlineData("flag")]
    public async Task A_bulk_invite_skips_and_counts_conflicting_creators_when_refusing_and_flags_them_when_flagging(string mode)
    {
        var brand = Guid.CreateVersion7();
        await SetPolicyAsync(brand, mode, ["energy-drinks", "cola"]);
        var campaign = await DatedCampaignAsync(brand, "cola");
        var creators = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            creators.Add(await ApprovedAsync(brand));
        }

        await DeclareAsync(brand, creators[0], "cola", CampaignStart, CampaignEnd);
        await DeclareAsync(brand, creators[1], "energy-drinks", Today, CampaignStart);
        await DeclareAsync(brand, creators[2], "cola", Today, CampaignStart.AddDays(-1)); // ends before the campaign starts

        var result = await service.ReadAsync(HttpMethod.Post, $"/api/campaigns/{campaign}/enrollments/bulk", brand, new { niche = "vegan" });
        var enrolled = await service.QueryAsync(brand, db => db.Enrollments.AsNoTracking().Where(e => e.CampaignId == campaign).ToListAsync());
        var flagged = enrolled.Where(e => e.ExclusivityConflicts is not null).Select(e => e.CreatorId).Order().ToList();
        List<Guid> expectedEnrolled = Refusing(mode) ? [.. new[] { creators[2], creators[3] }.Order()] : [.. creators.Order()];
        List<Guid> expectedFlagged = Refusing(mode) ? [] : [.. new[] { creators[0], creators[1] }.Order()];

        Assert.Equal((4, Refusing(mode) ? 2 : 4, 0, Refusing(mode) ? 2 : 0), (result.GetProperty("matched").GetInt32(), result.GetProperty("invited").GetInt32(),
            result.GetProperty("alreadyEnrolled").GetInt32(), result.GetProperty("refusedForExclusivity").GetInt32()));
        Assert.Equal(expectedEnrolled, enrolled.Select(e => e.CreatorId).Order().ToList());
        Assert.Equal(expectedFlagged, flagged);
        static bool Refusing(string mode) => mode == "refuse";
    }

    [Fact]
    public async Task Erasing_a_creator_deletes_their_declared_exclusivities()
    {
        var brand = Guid.CreateVersion7();
        var (erased, kept) = (await ApprovedAsync(brand), await ApprovedAsync(brand));
        await DeclareAsync(brand, erased, "cola", Today, Today.AddDays(30));
        await DeclareAsync(brand, erased, "juice", Today, Today.AddDays(30));
        var keptOne = await DeclareAsync(brand, kept, "cola", Today, Today.AddDays(30));

        await service.PublishAsync(new AmbassadorNet.Contracts.Creators.CreatorErased(brand, DateTimeOffset.UtcNow, erased, 3));
        await service.ReplicaAtAsync(brand, erased, 3);
        var left = await service.ReadAsync(HttpMethod.Get, "/api/exclusivities", brand);

        Assert.Equal([keptOne], Ids(left));
    }

    private async Task<Guid> ApprovedAsync(Guid brand)
    {
        var creator = Guid.CreateVersion7();
        await service.PublishAsync(CampaignBodies.Approved(brand, creator));
        await service.ReplicaAtAsync(brand, creator, 2);
        return creator;
    }

    /// <summary>A draft campaign (drafts take invitations) from noon of <see cref="CampaignStart"/> to noon of <see cref="CampaignEnd"/>.</summary>
    private Task<Guid> DatedCampaignAsync(Guid brand, string? category) => service.DraftAsync(brand, new
    {
        name = $"Campaign {category}", alwaysOn = false, productCategory = category,
        startsAt = CampaignStart.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc), endsAt = CampaignEnd.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc),
    });

    private async Task<Guid> DeclareAsync(Guid brand, Guid creator, string category, DateOnly startsOn, DateOnly endsOn) =>
        Id(await service.ReadAsCreatorAsync(HttpMethod.Post, "/api/me/exclusivities", brand, creator, new { category, startsOn, endsOn }));

    private Task SetPolicyAsync(Guid brand, string onConflict, params string[][] pairs) =>
        service.ReadAsync(HttpMethod.Put, "/api/content-policy/exclusivity", brand, new { onConflict, conflictingCategories = pairs });

    private Task<JsonElement> InviteAsync(Guid brand, Guid campaign, Guid creator) =>
        service.ReadAsync(HttpMethod.Post, $"/api/campaigns/{campaign}/enrollments", brand, new { creatorId = creator });

    private static Guid Id(JsonElement resource) => resource.GetProperty("id").GetGuid();

    private static List<Guid> Ids(JsonElement page) => [.. page.GetProperty("items").EnumerateArray().Select(Id)];
}

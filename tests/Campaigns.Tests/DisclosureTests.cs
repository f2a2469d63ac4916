using System.Net;
using System.Text.Json;
using AmbassadorNet.Contracts.Creators;
using AmbassadorNet.Security;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.Tests;

/// <summary>The brand's disclosure policy, the check of every recorded post, the approval it blocks and the manager's override.</summary>
public sealed class DisclosureTests(CampaignsService service) : IClassFixture<CampaignsService>
{
    private const string Policy = "/api/content-policy/disclosure";

    private static readonly object German = new
    {
        markers = new object[] { new { text = "#ad", markets = (string[]?)null }, new { text = "Anzeige", markets = new[] { "DE", "AT" } } },
        acceptPaidPartnershipLabel = false,
    };

    [Fact]
    public async Task A_brand_that_never_set_a_policy_has_the_default_and_posts_are_checked_by_it()
    {
        var (brand, _, enrollment, _) = await service.ActiveEnrollmentAsync();

        var policy = await service.ReadAsync(HttpMethod.Get, Policy, brand);
        var byMarker = await RecordAsync(brand, enrollment, "Loving the box #SPONSORED", label: false);
        var byLabel = await RecordAsync(brand, enrollment, "Loving the box", label: true);
        var adventure = await RecordAsync(brand, enrollment, "Off on a #adventure with the box", label: false);
        var recorded = (await service.EventsAsync(brand)).Where(e => e.MessageType.Contains(".PostRecorded", StringComparison.Ordinal))
            .Select(e => JsonDocument.Parse(e.Body).RootElement.GetProperty("post").GetProperty("disclosureStatus").GetString());

        Assert.Equal((true, true, 0L), (policy.GetProperty("isDefault").GetBoolean(), policy.GetProperty("acceptPaidPartnershipLabel").GetBoolean(), policy.GetProperty("version").GetInt64()));
        Assert.Equal(["#ad", "#sponsored"], policy.GetProperty("markers").EnumerateArray().Select(m => m.GetProperty("text").GetString()));
        Assert.All(policy.GetProperty("markers").EnumerateArray(), m => Assert.Equal(JsonValueKind.Null, m.GetProperty("markets").ValueKind));
        Assert.Equal(("disclosed", "#sponsored", false, "The caption has the marker #sponsored."), Disclosure(byMarker));
        Assert.Equal(JsonValueKind.Null, byMarker.GetProperty("disclosure").GetProperty("override").ValueKind);
        Assert.Equal(("disclosed", null, true, "The platform's paid-partnership label is on."), Disclosure(byLabel));
        Assert.Equal(("missing", null, false, "The caption has none of #ad, #sponsored (accepted in US) and the paid-partnership label is off."), Disclosure(adventure));
        Assert.Equal(["disclosed", "disclosed", "missing"], recorded);
    }

    [Fact]
    public async Task A_market_specific_marker_counts_only_in_its_markets_and_the_label_only_where_the_brand_accepts_it()
    {
        var (brand, _, enrollment, _) = await service.ActiveEnrollmentAsync();
        var set = await service.ReadAsync(HttpMethod.Put, Policy, brand, German);

        var germany = await RecordAsync(brand, enrollment, "ANZEIGE: mein Lieblingsmüsli", label: false, market: "DE");
        var austria = await RecordAsync(brand, enrollment, "Mein Müsli (Anzeige)", label: false, market: "AT");
        var us = await RecordAsync(brand, enrollment, "My cereal (Anzeige)", label: true, market: "US");
        var read = await service.ReadAsync(HttpMethod.Get, Policy, brand);

        Assert.Equal((false, false, 1L), (set.GetProperty("isDefault").GetBoolean(), set.GetProperty("acceptPaidPartnershipLabel").GetBoolean(), set.GetProperty("version").GetInt64()));
        Assert.Equal(["DE", "AT"], read.GetProperty("markers")[1].GetProperty("markets").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(("disclosed", "Anzeige"), (Disclosure(germany).Status, Disclosure(germany).Marker));
        Assert.Equal(("disclosed", "Anzeige"), (Disclosure(austria).Status, Disclosure(austria).Marker));
        Assert.Equal(("missing", null, false, "The caption has none of #ad (accepted in US) and the brand does not accept the paid-partnership label alone."), Disclosure(us));
    }

    [Fact]
    public async Task The_campaigns_required_disclosure_counts_as_a_marker_for_its_posts_in_every_market()
    {
        var (brand, campaign, enrollment, _) = await service.ActiveEnrollmentAsync();
        await service.ReadAsync(HttpMethod.Patch, $"/api/campaigns/{campaign}", brand, new { brief = new { requiredDisclosure = "Werbung" } });

        var post = await RecordAsync(brand, enrollment, "Mein Müsli [werbung]", label: false, market: "FR");
        var without = await RecordAsync(brand, enrollment, "Mein Müsli", label: false, market: "FR");

        Assert.Equal(("disclosed", "Werbung"), (Disclosure(post).Status, Disclosure(post).Marker));
        Assert.Equal("The caption has none of #ad, #sponsored, Werbung (accepted in FR) and the paid-partnership label is off.", Disclosure(without).Reason);
    }

    [Fact]
    public async Task Changing_the_policy_publishes_one_event_and_the_same_policy_again_changes_nothing()
    {
        var brand = Guid.CreateVersion7();
        var key = Guid.CreateVersion7();

        var first = await service.SendWithKeyAsync(HttpMethod.Put, Policy, brand, German, key, Roles.Manager);
        var again = await service.SendWithKeyAsync(HttpMethod.Put, Policy, brand, German, key, Roles.Manager);
        var changed = await service.ReadAsync(HttpMethod.Put, Policy, brand, new { markers = new[] { new { text = "  #werbung  " } }, acceptPaidPartnershipLabel = true });
        var analyst = await service.SendAsync(HttpMethod.Put, Policy, brand, German, Roles.Analyst);
        var events = (await service.EventsAsync(brand)).Select(e => JsonDocument.Parse(e.Body).RootElement).ToList();

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Forbidden), (first.StatusCode, again.StatusCode, analyst.StatusCode));
        Assert.Equal(1L, JsonDocument.Parse(await again.Content.ReadAsStringAsync()).RootElement.GetProperty("version").GetInt64());
        Assert.Equal(key, JsonDocument.Parse(await first.Content.ReadAsStringAsync()).RootElement.GetProperty("updatedByApiKeyId").GetGuid());
        Assert.Equal((2L, "#werbung"), (changed.GetProperty("version").GetInt64(), changed.GetProperty("markers")[0].GetProperty("text").GetString()));
        Assert.Equal([1L, 2L], events.Select(e => e.GetProperty("version").GetInt64()));
        Assert.All((await service.EventsAsync(brand)).Select(e => e.MessageType), t => Assert.Contains(".DisclosurePolicyChanged", t, StringComparison.Ordinal));
        Assert.Equal(["#ad", "Anzeige"], events[0].GetProperty("markers").EnumerateArray().Select(m => m.GetProperty("text").GetString()));
        Assert.Equal((false, "DE"), (events[0].GetProperty("acceptPaidPartnershipLabel").GetBoolean(), events[0].GetProperty("markers")[1].GetProperty("markets")[0].GetString()));
    }

    [Fact]
    public async Task A_bad_policy_is_400_naming_the_field_and_changes_nothing()
    {
        var brand = Guid.CreateVersion7();
        var marker = new { text = "#ad", markets = (string[]?)null };

        var duplicate = await service.SendAsync(HttpMethod.Put, Policy, brand, new { markers = new[] { marker, new { text = " #AD ", markets = (string[]?)null } }, acceptPaidPartnershipLabel = true });
        var badMarkets = await service.SendAsync(HttpMethod.Put, Policy, brand, new
        {
            markers = new[] { new { text = "Anzeige", markets = (string[]?)["de"] }, new { text = "Werbung", markets = (string[]?)["DEU"] }, new { text = "Reklame", markets = (string[]?)[] } },
            acceptPaidPartnershipLabel = true,
        });
        var tooMany = await service.SendAsync(HttpMethod.Put, Policy, brand, new { markers = Enumerable.Range(1, 51).Select(i => new { text = $"#ad{i}" }), acceptPaidPartnershipLabel = true });
        var none = await service.SendAsync(HttpMethod.Put, Policy, brand, new { markers = Array.Empty<object>() });
        var badTexts = await service.SendAsync(HttpMethod.Put, Policy, brand, new { markers = new[] { new { text = "   " }, new { text = new string('a', 51) } }, acceptPaidPartnershipLabel = false });

        Assert.Equal(["markers[1].text"], await duplicate.ErrorFieldsAsync());
        Assert.Contains("markers[0]", await duplicate.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(["markers[0].markets", "markers[1].markets", "markers[2].markets"], await badMarkets.ErrorFieldsAsync());
        Assert.Equal(["markers"], await tooMany.ErrorFieldsAsync());
        Assert.Equal(["acceptPaidPartnershipLabel", "markers"], await none.ErrorFieldsAsync());
        Assert.Equal(["markers[0].text", "markers[1].text"], await badTexts.ErrorFieldsAsync());
        Assert.All([duplicate, badMarkets, tooMany, none, badTexts], r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        Assert.True((await service.ReadAsync(HttpMethod.Get, Policy, brand)).GetProperty("isDefault").GetBoolean());
        Assert.Empty(await service.EventsAsync(brand));
    }

    [Fact]
    public async Task A_deliverable_whose_post_misses_its_disclosure_is_not_approved_and_nothing_changes()
    {
        var (brand, campaign, enrollment, _) = await service.ActiveEnrollmentAsync();
        var path = $"/api/campaigns/{campaign}/enrollments/{enrollment}/deliverables";
        var deliverable = (await service.ReadAsync(HttpMethod.Post, path, brand, new { type = "video", dueDate = "2026-12-20" })).GetProperty("id").GetGuid();
        var post = await RecordAsync(brand, enrollment, "Loving the box", label: false, deliverableId: deliverable);
        var postId = post.GetProperty("id").GetGuid();
        var eventsBefore = (await service.EventsAsync(brand)).Count;

        var approve = await service.SendAsync(HttpMethod.Post, $"{path}/{deliverable}/approve", brand);
        var after = (await service.ReadAsync(HttpMethod.Get, path, brand))[0];
        var missing = await service.ReadAsync(HttpMethod.Get, "/api/posts?disclosure=missing", brand);
        var badFilter = await service.SendAsync(HttpMethod.Get, "/api/posts?disclosure=maybe", brand);

        Assert.Equal(HttpStatusCode.Conflict, approve.StatusCode);
        Assert.Equal(
            "The caption has none of #ad, #sponsored (accepted in US) and the paid-partnership label is off. " +
            $"A manager can accept it with POST /api/posts/{postId}/disclosure-override and a note; then approve again.",
            await DetailAsync(approve));
        Assert.Equal(("submitted", 2L), (after.GetProperty("status").GetString(), after.GetProperty("version").GetInt64()));
        Assert.Equal(eventsBefore, (await service.EventsAsync(brand)).Count);
        Assert.Equal([postId], missing.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetGuid()));
        Assert.Equal(["disclosure"], await badFilter.ErrorFieldsAsync());
    }

    [Fact]
    public async Task An_override_needs_a_note_and_a_missing_disclosure_then_the_deliverable_is_approved()
    {
        var (brand, campaign, enrollment, creator) = await service.ActiveEnrollmentAsync();
        var path = $"/api/campaigns/{campaign}/enrollments/{enrollment}/deliverables";
        var deliverable = (await service.ReadAsync(HttpMethod.Post, path, brand, new { type = "video", dueDate = "2026-12-20" })).GetProperty("id").GetGuid();
        var postId = (await RecordAsync(brand, enrollment, "Loving the box", label: false, deliverableId: deliverable)).GetProperty("id").GetGuid();
        var disclosedId = (await RecordAsync(brand, enrollment, "Box #ad", label: false)).GetProperty("id").GetGuid();
        var labelledId = (await RecordAsync(brand, enrollment, "Box", label: true)).GetProperty("id").GetGuid();
        var key = Guid.CreateVersion7();
        var overridePath = $"/api/posts/{postId}/disclosure-override";

        var noNote = await service.SendWithKeyAsync(HttpMethod.Post, overridePath, brand, new { }, key, Roles.Manager);
        var blankNote = await service.SendWithKeyAsync(HttpMethod.Post, overridePath, brand, new { note = "   " }, key, Roles.Manager);
        var longNote = await service.SendWithKeyAsync(HttpMethod.Post, overridePath, brand, new { note = new string('n', 1001) }, key, Roles.Manager);
        var analyst = await service.SendWithKeyAsync(HttpMethod.Post, overridePath, brand, new { note = "ok" }, key, Roles.Analyst);
        var unchanged = await service.ReadAsync(HttpMethod.Get, $"/api/posts/{postId}", brand);
        var disclosed = await service.SendWithKeyAsync(HttpMethod.Post, $"/api/posts/{disclosedId}/disclosure-override", brand, new { note = "fine" }, key, Roles.Manager);
        var labelled = await service.SendWithKeyAsync(HttpMethod.Post, $"/api/posts/{labelledId}/disclosure-override", brand, new { note = "fine" }, key, Roles.Manager);
        var overridden = await service.SendWithKeyAsync(HttpMethod.Post, overridePath, brand, new { note = "  The label was on in the story; screenshot in the CRM.  " }, key, Roles.Manager);
        var twice = await service.SendWithKeyAsync(HttpMethod.Post, overridePath, brand, new { note = "again" }, key, Roles.Manager);
        var approved = await service.SendAsync(HttpMethod.Post, $"{path}/{deliverable}/approve", brand);
        var unknown = await service.SendWithKeyAsync(HttpMethod.Post, $"/api/posts/{Guid.CreateVersion7()}/disclosure-override", brand, new { note = "x" }, key);

        Assert.All([noNote, blankNote, longNote], r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        Assert.All([await noNote.ErrorFieldsAsync(), await blankNote.ErrorFieldsAsync(), await longNote.ErrorFieldsAsync()], fields => Assert.Equal(["note"], fields));
        Assert.Equal(HttpStatusCode.Forbidden, analyst.StatusCode);
        Assert.Equal(("missing", 1L), (unchanged.GetProperty("disclosure").GetProperty("status").GetString(), unchanged.GetProperty("version").GetInt64()));
        Assert.Equal((HttpStatusCode.Conflict, "The post is already disclosed by the marker #ad; there is nothing to override."), (disclosed.StatusCode, await DetailAsync(disclosed)));
        Assert.Equal((HttpStatusCode.Conflict, "The post is already disclosed by the platform's paid-partnership label; there is nothing to override."),
            (labelled.StatusCode, await DetailAsync(labelled)));
        Assert.Equal(HttpStatusCode.OK, overridden.StatusCode);
        var view = JsonDocument.Parse(await overridden.Content.ReadAsStringAsync()).RootElement.GetProperty("disclosure");
        var at = view.GetProperty("override").GetProperty("at").GetDateTimeOffset();
        Assert.Equal(("overridden", "The label was on in the story; screenshot in the CRM.", key),
            (view.GetProperty("status").GetString(), view.GetProperty("override").GetProperty("note").GetString(), view.GetProperty("override").GetProperty("apiKeyId").GetGuid()));
        Assert.StartsWith("The caption has none of #ad, #sponsored", view.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.Conflict, $"The post's missing disclosure was already overridden at {at.ToUniversalTime():yyyy-MM-dd HH:mm:ss} UTC by API key {key}."), (twice.StatusCode, await DetailAsync(twice)));
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        var events = await service.EventsAsync(brand);
        var overrideEvent = JsonDocument.Parse(Assert.Single(events, e => e.MessageType.Contains(".PostDisclosureOverridden", StringComparison.Ordinal)).Body).RootElement;
        Assert.Equal((postId, campaign, enrollment, creator), (overrideEvent.GetProperty("postId").GetGuid(), overrideEvent.GetProperty("campaignId").GetGuid(),
            overrideEvent.GetProperty("enrollmentId").GetGuid(), overrideEvent.GetProperty("creatorId").GetGuid()));
        Assert.Equal(("The label was on in the story; screenshot in the CRM.", key, at), (overrideEvent.GetProperty("note").GetString(),
            overrideEvent.GetProperty("apiKeyId").GetGuid(), overrideEvent.GetProperty("occurredAt").GetDateTimeOffset()));
        Assert.Single(events, e => e.MessageType.Contains(".DeliverableApproved", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Posts_recorded_before_the_check_and_bare_urls_are_not_checked_and_do_not_block()
    {
        var (brand, campaign, enrollment, _) = await service.ActiveEnrollmentAsync();
        var path = $"/api/campaigns/{campaign}/enrollments/{enrollment}/deliverables";
        var old = (await service.ReadAsync(HttpMethod.Post, path, brand, new { type = "video", dueDate = "2026-12-20" })).GetProperty("id").GetGuid();
        var bare = (await service.ReadAsync(HttpMethod.Post, path, brand, new { type = "video", dueDate = "2026-12-21" })).GetProperty("id").GetGuid();
        var postId = (await RecordAsync(brand, enrollment, "Loving the box", label: false, deliverableId: old)).GetProperty("id").GetGuid();
        // As migration 0007 leaves a post recorded before it.
        await service.ExecuteAsync("UPDATE posts SET disclosure_status = 'unchecked', disclosure_reason = NULL WHERE id = @id", ("id", postId));
        await service.ReadAsync(HttpMethod.Post, $"{path}/{bare}/submit", brand, new { url = "https://www.instagram.com/reel/C0bare12345/" });

        var neverChecked = await service.ReadAsync(HttpMethod.Get, $"/api/posts/{postId}", brand);
        var overrideUnchecked = await service.SendAsync(HttpMethod.Post, $"/api/posts/{postId}/disclosure-override", brand, new { note = "x" });
        var approveOld = await service.SendAsync(HttpMethod.Post, $"{path}/{old}/approve", brand);
        var approveBare = await service.SendAsync(HttpMethod.Post, $"{path}/{bare}/approve", brand);
        var listed = await service.ReadAsync(HttpMethod.Get, "/api/posts?disclosure=unchecked", brand);

        Assert.Equal(("unchecked", JsonValueKind.Null), (neverChecked.GetProperty("disclosure").GetProperty("status").GetString(), neverChecked.GetProperty("disclosure").GetProperty("reason").ValueKind));
        Assert.Equal((HttpStatusCode.Conflict, "The post was recorded before disclosures were checked (status unchecked); it does not block approval, so there is nothing to override."),
            (overrideUnchecked.StatusCode, await DetailAsync(overrideUnchecked)));
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (approveOld.StatusCode, approveBare.StatusCode));
        Assert.Equal([postId], listed.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetGuid()));
    }

    [Fact]
    public async Task Erasing_the_creator_keeps_the_status_and_the_override_with_its_note()
    {
        var (brand, _, enrollment, creator) = await service.ActiveEnrollmentAsync();
        var postId = (await RecordAsync(brand, enrollment, "Jane's box", label: false)).GetProperty("id").GetGuid();
        await service.ReadAsync(HttpMethod.Post, $"/api/posts/{postId}/disclosure-override", brand, new { note = "Disclosed in the video itself." });

        await service.PublishAsync(new CreatorErased(brand, DateTimeOffset.UtcNow, creator, 9));
        await service.ReplicaAtAsync(brand, creator, 9);
        var erased = await service.ReadAsync(HttpMethod.Get, $"/api/posts/{postId}", brand);
        var stored = await service.QueryAsync(brand, db => db.Posts.AsNoTracking().SingleAsync(p => p.Id == postId));

        Assert.Equal((JsonValueKind.Null, true), (erased.GetProperty("caption").ValueKind, erased.GetProperty("erased").GetBoolean()));
        Assert.Equal(("overridden", "Disclosed in the video itself."),
            (erased.GetProperty("disclosure").GetProperty("status").GetString(), erased.GetProperty("disclosure").GetProperty("override").GetProperty("note").GetString()));
        Assert.StartsWith("The caption has none of", stored.DisclosureReason, StringComparison.Ordinal);
    }

    private async Task<JsonElement> RecordAsync(Guid brand, Guid enrollment, string caption, bool label, string market = "US", Guid? deliverableId = null) =>
        await service.ReadAsync(HttpMethod.Post, "/api/posts", brand, new
        {
            enrollmentId = enrollment, deliverableId, platform = "instagram", format = "reel", url = $"https://www.instagram.com/reel/C{Guid.NewGuid():N}/",
            publishedAt = DateTimeOffset.UtcNow.AddMinutes(-5), language = "en", market, caption, paidPartnershipLabel = label, trackingLink = false,
        });

    private static (string? Status, string? Marker, bool ByLabel, string? Reason) Disclosure(JsonElement post)
    {
        var d = post.GetProperty("disclosure");
        return (d.GetProperty("status").GetString(), d.GetProperty("marker").GetString(), d.GetProperty("byLabel").GetBoolean(), d.GetProperty("reason").GetString());
    }

    private static async Task<string?> DetailAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString();
}

using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AmbassadorNet.Security;
using AmbassadorNet.TestKit.Waiting;

namespace Campaigns.Tests;

/// <summary>Usage rights: granted by an accepted agreement or by the post itself, the check with its reasons, the list status and filter, the policy and the expiry notices.</summary>
public sealed class UsageRightsTests(CampaignsService service) : IClassFixture<CampaignsService>
{
    private const string Terms = "You will post honestly about the Spring box.";

    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task An_agreement_states_its_rights_in_its_document_and_its_posts_inherit_the_latest_accepted_versions_rights_only()
    {
        var (brand, _, enrollment, creator) = await service.ActiveEnrollmentAsync();
        var first = await SendAgreementAsync(brand, enrollment, Grant(["paid_ads", "organic_repost"], ["DE", "AT"], "2026-12-01", "2027-06-30"));
        var id = first.GetProperty("id").GetGuid();
        var text = await (await service.SendAsync(HttpMethod.Get, $"/api/agreements/{id}/text", brand)).Content.ReadAsStringAsync();
        var post = await RecordAsync(brand, enrollment);

        var beforeAcceptance = await CheckAsync(brand, post, "use=paid_ads&territory=DE&on=2027-01-10");
        var noneBefore = Ids(await service.ReadAsync(HttpMethod.Get, "/api/posts?rights=none", brand));
        var accepted = await AcceptAsync(brand, creator, first);
        var activeAfter = Ids(await service.ReadAsync(HttpMethod.Get, "/api/posts?rights=active", brand));
        var afterAcceptance = await CheckAsync(brand, post, "use=paid_ads&territory=DE&on=2027-01-10");
        await SendAgreementAsync(brand, enrollment, Grant(["website"], ["US"], "2026-12-01", null)); // sent, not accepted: version 1's rights still hold
        var whileVersion2Waits = await CheckAsync(brand, post, "use=paid_ads&territory=DE&on=2027-01-10");
        var rights = await service.ReadAsync(HttpMethod.Get, $"/api/posts/{post}/usage-rights", brand);
        var view = await service.ReadAsync(HttpMethod.Get, $"/api/agreements/{id}", brand);
        var mine = await service.ReadAsCreatorAsync(HttpMethod.Get, $"/api/me/posts/{post}", brand, creator);
        var creatorCheck = await service.SendAsCreatorAsync(HttpMethod.Get, $"/api/posts/{post}/usage-check?use=paid_ads&territory=DE", brand, creator);
        var acceptedOn = accepted.GetProperty("acceptedAt").GetDateTimeOffset().UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        Assert.Contains("\nUsage rights: paid_ads, organic_repost in DE, AT from 2026-12-01 to 2027-06-30; the brand may not edit.\nTo be accepted by ", text, StringComparison.Ordinal);
        Assert.Equal(Sha256(text), first.GetProperty("textSha256").GetString());
        Assert.Equal((false, "No usage rights: the post has no grants of its own and its enrollment has no accepted agreement.", JsonValueKind.Null),
            (beforeAcceptance.GetProperty("allowed").GetBoolean(), beforeAcceptance.GetProperty("reason").GetString(), beforeAcceptance.GetProperty("source").ValueKind));
        Assert.Equal((true, $"Allowed by agreement version 1 (accepted {acceptedOn}): paid_ads in DE from 2026-12-01 to 2027-06-30; editing not allowed.", "agreement", id, 1),
            (afterAcceptance.GetProperty("allowed").GetBoolean(), afterAcceptance.GetProperty("reason").GetString(), afterAcceptance.GetProperty("source").GetString(),
             afterAcceptance.GetProperty("agreementId").GetGuid(), afterAcceptance.GetProperty("agreementVersion").GetInt32()));
        Assert.Equal(["paid_ads", "organic_repost"], afterAcceptance.GetProperty("grant").GetProperty("uses").EnumerateArray().Select(u => u.GetString()));
        Assert.Equal(afterAcceptance.GetProperty("reason").GetString(), whileVersion2Waits.GetProperty("reason").GetString());
        Assert.Equal(("agreement", 1, "2027-06-30"), (rights.GetProperty("source").GetString(), rights.GetProperty("agreementVersion").GetInt32(), rights.GetProperty("grants")[0].GetProperty("endsOn").GetString()));
        Assert.Equal(["DE", "AT"], view.GetProperty("usageRights")[0].GetProperty("territories").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(("active", "2027-06-30", "agreement"), Summary(mine));
        Assert.Equal("active", rights.GetProperty("summary").GetProperty("status").GetString());
        Assert.Equal([post], noneBefore);
        Assert.Equal([post], activeAfter);
        Assert.Equal(HttpStatusCode.Forbidden, creatorCheck.StatusCode);
    }

    [Fact]
    public async Task A_later_accepted_version_replaces_the_earlier_versions_rights()
    {
        var (brand, _, enrollment, creator) = await service.ActiveEnrollmentAsync();
        await AcceptAsync(brand, creator, await SendAgreementAsync(brand, enrollment, Grant(["paid_ads"], ["DE"], "2026-12-01", null)));
        await AcceptAsync(brand, creator, await SendAgreementAsync(brand, enrollment, Grant(["website"], ["US"], "2026-12-01", null)));
        var post = await RecordAsync(brand, enrollment);

        var check = await CheckAsync(brand, post, "use=paid_ads&territory=DE&on=2027-01-10");

        Assert.Equal(("paid_ads is not granted (granted: website).", 2), (check.GetProperty("reason").GetString(), check.GetProperty("agreementVersion").GetInt32()));
    }

    [Fact]
    public async Task A_posts_own_grants_replace_the_inherited_ones_record_who_set_them_and_clearing_brings_the_inherited_back()
    {
        var (brand, _, enrollment, creator) = await service.ActiveEnrollmentAsync();
        await AcceptAsync(brand, creator, await SendAgreementAsync(brand, enrollment, Grant(["paid_ads"], ["DE"], "2026-12-01", null)));
        var post = await RecordAsync(brand, enrollment);
        var key = Guid.CreateVersion7();
        var own = new { grants = new[] { Grant(["organic_repost", "website"], ["US", "CA"], "2026-12-01", null, mayEdit: true) } };

        var set = await service.SendWithKeyAsync(HttpMethod.Put, $"/api/posts/{post}/usage-rights", brand, own, key, Roles.Manager);
        var notGranted = await CheckAsync(brand, post, "use=paid_ads&territory=DE&on=2027-01-10");
        var outside = await CheckAsync(brand, post, "use=website&territory=DE&on=2027-01-10");
        var allowed = await CheckAsync(brand, post, "use=website&territory=CA&on=2027-01-10");
        var again = await service.ReadAsync(HttpMethod.Put, $"/api/posts/{post}/usage-rights", brand, own);
        var analyst = await service.SendAsync(HttpMethod.Put, $"/api/posts/{post}/usage-rights", brand, new { grants = Array.Empty<object>() }, Roles.Analyst);
        var cleared = await service.ReadAsync(HttpMethod.Put, $"/api/posts/{post}/usage-rights", brand, new { grants = Array.Empty<object>() });
        var inheritedAgain = await CheckAsync(brand, post, "use=paid_ads&territory=DE&on=2027-01-10");
        var events = await EventsAsync(brand, "PostUsageRightsSet");
        var setBody = JsonDocument.Parse(await set.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal(("post", key, 1), (setBody.GetProperty("source").GetString(), setBody.GetProperty("ownSetByApiKeyId").GetGuid(), setBody.GetProperty("grants").GetArrayLength()));
        Assert.Equal((false, "paid_ads is not granted (granted: organic_repost, website).", "post"),
            (notGranted.GetProperty("allowed").GetBoolean(), notGranted.GetProperty("reason").GetString(), notGranted.GetProperty("source").GetString()));
        Assert.Equal("DE is outside the granted territories (US, CA).", outside.GetProperty("reason").GetString());
        Assert.Equal(
            $"Allowed by the post's own usage rights (set {setBody.GetProperty("ownSetAt").GetDateTimeOffset().UtcDateTime:yyyy-MM-dd}): website in CA from 2026-12-01 with no end date; editing allowed.",
            allowed.GetProperty("reason").GetString());
        Assert.Equal(JsonValueKind.Null, allowed.GetProperty("agreementVersion").ValueKind);
        Assert.Equal(setBody.GetProperty("ownSetAt").GetString(), again.GetProperty("ownSetAt").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, analyst.StatusCode);
        Assert.Equal(("agreement", 0), (cleared.GetProperty("source").GetString(), cleared.GetProperty("grants")[0].GetProperty("uses").EnumerateArray().Count(u => u.GetString() == "website")));
        Assert.True(inheritedAgain.GetProperty("allowed").GetBoolean());
        Assert.Equal([(1L, 1, key.ToString()), (2L, 0, null)], events.Select(e => (e.GetProperty("version").GetInt64(), e.GetProperty("grants").GetArrayLength(), e.GetProperty("apiKeyId").GetString())));
        Assert.Equal((post, enrollment, creator), (events[0].GetProperty("postId").GetGuid(), events[0].GetProperty("enrollmentId").GetGuid(), events[0].GetProperty("creatorId").GetGuid()));
    }

    [Fact]
    public async Task A_day_outside_the_grant_is_refused_with_its_end_or_start_and_the_day_defaults_to_today()
    {
        var (brand, _, enrollment, _) = await service.ActiveEnrollmentAsync();
        var post = await RecordAsync(brand, enrollment);
        var until = Today.AddDays(100);
        await SetOwnAsync(brand, post, Grant(["paid_ads"], ["DE"], Day(Today.AddDays(-10)), Day(until)));

        var ended = await CheckAsync(brand, post, $"use=paid_ads&territory=DE&on={Day(until.AddDays(1))}");
        var early = await CheckAsync(brand, post, $"use=paid_ads&territory=DE&on={Day(Today.AddDays(-11))}");
        var today = await CheckAsync(brand, post, "use=paid_ads&territory=DE");

        Assert.Equal((false, $"The rights ended on {Day(until)}."), (ended.GetProperty("allowed").GetBoolean(), ended.GetProperty("reason").GetString()));
        Assert.Equal(Day(until), ended.GetProperty("grant").GetProperty("endsOn").GetString());
        Assert.Equal((false, $"The rights start on {Day(Today.AddDays(-10))}."), (early.GetProperty("allowed").GetBoolean(), early.GetProperty("reason").GetString()));
        Assert.True(today.GetProperty("allowed").GetBoolean());
    }

    [Theory]
    [InlineData("territory=DE", "use")]
    [InlineData("use=podcast&territory=DE", "use")]
    [InlineData("use=paid_ads", "territory")]
    [InlineData("use=paid_ads&territory=de", "territory")]
    [InlineData("use=paid_ads&territory=DEU", "territory")]
    [InlineData("use=paid_ads&territory=DE&on=2027-02-30", "on")]
    [InlineData("use=paid_ads&territory=DE&on=10.01.2027", "on")]
    public async Task A_bad_check_is_a_400_naming_the_field(string query, string field)
    {
        var (brand, _, enrollment, _) = await service.ActiveEnrollmentAsync();
        var post = await RecordAsync(brand, enrollment);

        var response = await service.SendAsync(HttpMethod.Get, $"/api/posts/{post}/usage-check?{query}", brand);
        var unknown = await service.SendAsync(HttpMethod.Get, $"/api/posts/{Guid.CreateVersion7()}/usage-check?use=paid_ads&territory=DE", brand);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([field], await response.ErrorFieldsAsync());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Theory]
    [InlineData("{}", "grants")]
    [InlineData("{\"grants\":[{\"uses\":[],\"territories\":[\"DE\"],\"startsOn\":\"2027-01-01\",\"mayEdit\":false}]}", "grants[0].uses")]
    [InlineData("{\"grants\":[{\"uses\":[\"paid_ads\",\"paid_ads\"],\"territories\":[\"DE\"],\"startsOn\":\"2027-01-01\",\"mayEdit\":false}]}", "grants[0].uses")]
    [InlineData("{\"grants\":[{\"uses\":[\"tv\"],\"territories\":[\"DE\"],\"startsOn\":\"2027-01-01\",\"mayEdit\":false}]}", "grants[0].uses")]
    [InlineData("{\"grants\":[{\"uses\":[\"print\"],\"territories\":[\"*\",\"DE\"],\"startsOn\":\"2027-01-01\",\"mayEdit\":false}]}", "grants[0].territories")]
    [InlineData("{\"grants\":[{\"uses\":[\"print\"],\"territories\":[\"de\"],\"startsOn\":\"2027-01-01\",\"mayEdit\":false}]}", "grants[0].territories")]
    [InlineData("{\"grants\":[{\"uses\":[\"print\"],\"territories\":[],\"startsOn\":\"2027-01-01\",\"mayEdit\":false}]}", "grants[0].territories")]
    [InlineData("{\"grants\":[{\"uses\":[\"print\"],\"territories\":[\"DE\"],\"mayEdit\":false}]}", "grants[0].startsOn")]
    [InlineData("{\"grants\":[{\"uses\":[\"print\"],\"territories\":[\"DE\"],\"startsOn\":\"2027-01-01\",\"endsOn\":\"2026-12-31\",\"mayEdit\":false}]}", "grants[0].endsOn")]
    [InlineData("{\"grants\":[{\"uses\":[\"print\"],\"territories\":[\"DE\"],\"startsOn\":\"2027-01-01\"}]}", "grants[0].mayEdit")]
    public async Task A_bad_grant_is_a_400_naming_the_field_and_changes_nothing(string body, string field)
    {
        var (brand, _, enrollment, _) = await service.ActiveEnrollmentAsync();
        var post = await RecordAsync(brand, enrollment);

        var response = await service.SendAsync(HttpMethod.Put, $"/api/posts/{post}/usage-rights", brand, JsonDocument.Parse(body).RootElement);
        var rights = await service.ReadAsync(HttpMethod.Get, $"/api/posts/{post}/usage-rights", brand);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([field], await response.ErrorFieldsAsync());
        Assert.Equal((JsonValueKind.Null, 0, JsonValueKind.Null), (rights.GetProperty("source").ValueKind, rights.GetProperty("grants").GetArrayLength(), rights.GetProperty("ownSetAt").ValueKind));
        Assert.Empty(await EventsAsync(brand, "PostUsageRightsSet"));
    }

    [Fact]
    public async Task More_than_ten_grants_or_a_bad_grant_in_an_agreement_is_a_400_and_sends_nothing()
    {
        var (brand, _, enrollment, _) = await service.ActiveEnrollmentAsync();
        var post = await RecordAsync(brand, enrollment);
        var grant = Grant(["print"], ["DE"], "2027-01-01", null);

        var tooMany = await service.SendAsync(HttpMethod.Put, $"/api/posts/{post}/usage-rights", brand, new { grants = Enumerable.Repeat(grant, 11) });
        var badAgreement = await service.SendAsync(HttpMethod.Post, "/api/agreements", brand,
            new { enrollmentId = enrollment, text = Terms, usageRights = new[] { grant, Grant(["print"], ["Germany"], "2027-01-01", null) } });
        var agreements = await service.ReadAsync(HttpMethod.Get, $"/api/agreements?enrollmentId={enrollment}", brand);

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (tooMany.StatusCode, badAgreement.StatusCode));
        Assert.Equal(["grants"], await tooMany.ErrorFieldsAsync());
        Assert.Equal(["usageRights[1].territories"], await badAgreement.ErrorFieldsAsync());
        Assert.Equal(0, agreements.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Lists_show_each_posts_status_today_and_filter_by_it_with_the_first_threshold_as_expiring()
    {
        var (brand, _, enrollment, _) = await service.ActiveEnrollmentAsync();
        var none = await RecordAsync(brand, enrollment);
        var active = await RecordAsync(brand, enrollment, Grant(["paid_ads"], ["*"], Day(Today.AddDays(-10)), Day(Today.AddDays(100))));
        var expiring = await RecordAsync(brand, enrollment, Grant(["paid_ads"], ["*"], Day(Today.AddDays(-10)), Day(Today.AddDays(5))));
        var expired = await RecordAsync(brand, enrollment, Grant(["paid_ads"], ["*"], Day(Today.AddDays(-30)), Day(Today.AddDays(-1))));
        var later = await RecordAsync(brand, enrollment, Grant(["paid_ads"], ["*"], Day(Today.AddDays(10)), null));

        var byStatus = new Dictionary<string, List<Guid>>();
        foreach (var status in new[] { "none", "active", "expiring", "expired", "not_started" })
        {
            byStatus[status] = Ids(await service.ReadAsync(HttpMethod.Get, $"/api/posts?rights={status}", brand));
        }

        var all = (await service.ReadAsync(HttpMethod.Get, "/api/posts", brand)).GetProperty("items").EnumerateArray().ToDictionary(p => p.GetProperty("id").GetGuid(), Summary);
        await service.ReadAsync(HttpMethod.Put, "/api/content-policy/usage-rights", brand, new { expiryNoticeDays = new[] { 1, 3 } });
        var expiringWithin3 = Ids(await service.ReadAsync(HttpMethod.Get, "/api/posts?rights=expiring", brand));
        var activeWithin3 = Ids(await service.ReadAsync(HttpMethod.Get, "/api/posts?rights=active", brand));
        var bad = await service.SendAsync(HttpMethod.Get, "/api/posts?rights=soon", brand);

        Assert.Equal([none], byStatus["none"]);
        Assert.Equal([active], byStatus["active"]);
        Assert.Equal([expiring], byStatus["expiring"]);
        Assert.Equal([expired], byStatus["expired"]);
        Assert.Equal([later], byStatus["not_started"]);
        Assert.Equal(("none", null, null), all[none]);
        Assert.Equal(("active", Day(Today.AddDays(100)), "post"), all[active]);
        Assert.Equal(("expiring", Day(Today.AddDays(5)), "post"), all[expiring]);
        Assert.Equal(("expired", Day(Today.AddDays(-1)), "post"), all[expired]);
        Assert.Equal(("not_started", null, "post"), all[later]);
        Assert.Empty(expiringWithin3);
        Assert.Equal([expiring, active], activeWithin3);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(["rights"], await bad.ErrorFieldsAsync());
    }

    [Fact]
    public async Task The_policy_is_the_default_until_set_is_kept_largest_first_and_the_same_again_changes_nothing()
    {
        var brand = Guid.CreateVersion7();
        var key = Guid.CreateVersion7();
        const string Policy = "/api/content-policy/usage-rights";

        var before = await service.ReadAsync(HttpMethod.Get, Policy, brand);
        var set = await service.SendWithKeyAsync(HttpMethod.Put, Policy, brand, new { expiryNoticeDays = new[] { 1, 14, 60 } }, key, Roles.Manager);
        var again = await service.ReadAsync(HttpMethod.Put, Policy, brand, new { expiryNoticeDays = new[] { 60, 1, 14 } });
        var analyst = await service.SendAsync(HttpMethod.Put, Policy, brand, new { expiryNoticeDays = new[] { 5 } }, Roles.Analyst);
        var events = await EventsAsync(brand, "UsageRightsPolicyChanged");
        var setBody = JsonDocument.Parse(await set.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal([30, 7, 1], Days(before));
        Assert.Equal((true, 0L), (before.GetProperty("isDefault").GetBoolean(), before.GetProperty("version").GetInt64()));
        Assert.Equal([60, 14, 1], Days(setBody));
        Assert.Equal((false, 1L, key), (setBody.GetProperty("isDefault").GetBoolean(), setBody.GetProperty("version").GetInt64(), setBody.GetProperty("updatedByApiKeyId").GetGuid()));
        Assert.Equal(1L, again.GetProperty("version").GetInt64());
        Assert.Equal(HttpStatusCode.Forbidden, analyst.StatusCode);
        Assert.Equal([60, 14, 1], Assert.Single(events).GetProperty("expiryNoticeDays").EnumerateArray().Select(d => d.GetInt32()));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"expiryNoticeDays\":[]}")]
    [InlineData("{\"expiryNoticeDays\":[0]}")]
    [InlineData("{\"expiryNoticeDays\":[366]}")]
    [InlineData("{\"expiryNoticeDays\":[7,7]}")]
    [InlineData("{\"expiryNoticeDays\":[1,2,3,4,5,6,7,8,9,10,11]}")]
    public async Task A_bad_policy_is_a_400_naming_the_field_and_changes_nothing(string body)
    {
        var brand = Guid.CreateVersion7();

        var response = await service.SendAsync(HttpMethod.Put, "/api/content-policy/usage-rights", brand, JsonDocument.Parse(body).RootElement);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["expiryNoticeDays"], await response.ErrorFieldsAsync());
        Assert.True((await service.ReadAsync(HttpMethod.Get, "/api/content-policy/usage-rights", brand)).GetProperty("isDefault").GetBoolean());
        Assert.Empty(await service.EventsAsync(brand));
    }

    [Fact]
    public async Task Expiry_notices_go_out_once_per_post_end_date_and_threshold_only_the_nearest_one_reached_and_expired_once()
    {
        var (brand, campaign, enrollment, creator) = await service.ActiveEnrollmentAsync();
        var inThree = await RecordAsync(brand, enrollment, Grant(["paid_ads"], ["DE"], Day(Today.AddDays(-10)), Day(Today.AddDays(3))));
        var inTwenty = await RecordAsync(brand, enrollment, Grant(["website", "organic_repost"], ["*"], Day(Today.AddDays(-10)), Day(Today.AddDays(20))));
        var inForty = await RecordAsync(brand, enrollment, Grant(["print"], ["DE"], Day(Today.AddDays(-10)), Day(Today.AddDays(40))));
        var ended = await RecordAsync(brand, enrollment, Grant(["email"], ["US", "CA"], Day(Today.AddDays(-10)), Day(Today.AddDays(-1))));
        var inherits = await RecordAsync(brand, enrollment);
        await AcceptAsync(brand, creator, await SendAgreementAsync(brand, enrollment, Grant(["whitelisting"], ["FR"], Day(Today.AddDays(-5)), Day(Today.AddDays(1)))));

        await Eventually.UntilAsync(_ => NoticesAsync(brand), n => n.Count >= 4, "four usage-rights notices");
        await Task.Delay(1000); // about five more passes of the job: still one notice each
        var notices = await NoticesAsync(brand);

        Assert.Equal(
            [
                ("UsageRightsExpired", ended, Day(Today.AddDays(-1)), 0, "email", "CA,US", "post"),
                ("UsageRightsExpiring", inherits, Day(Today.AddDays(1)), 1, "whitelisting", "FR", "agreement"),
                ("UsageRightsExpiring", inThree, Day(Today.AddDays(3)), 7, "paid_ads", "DE", "post"),
                ("UsageRightsExpiring", inTwenty, Day(Today.AddDays(20)), 30, "organic_repost,website", "*", "post"),
            ],
            notices.Select(n => (n.Type, n.Body.GetProperty("postId").GetGuid(), n.Body.GetProperty("endsOn").GetString(),
                n.Body.TryGetProperty("daysBefore", out var days) ? days.GetInt32() : 0, Join(n.Body.GetProperty("uses")), Join(n.Body.GetProperty("territories")),
                n.Body.GetProperty("source").GetString())).OrderBy(n => n.Item3, StringComparer.Ordinal));
        Assert.All(notices, n => Assert.Equal((campaign, enrollment, creator),
            (n.Body.GetProperty("campaignId").GetGuid(), n.Body.GetProperty("enrollmentId").GetGuid(), n.Body.GetProperty("creatorId").GetGuid())));
        Assert.DoesNotContain(notices, n => n.Body.GetProperty("postId").GetGuid() == inForty);
    }

    private static object Grant(string[] uses, string[] territories, string startsOn, string? endsOn, bool mayEdit = false) =>
        new { uses, territories, startsOn, endsOn, mayEdit };

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Join(JsonElement array) => string.Join(',', array.EnumerateArray().Select(e => e.GetString()));

    private static List<int> Days(JsonElement policy) => [.. policy.GetProperty("expiryNoticeDays").EnumerateArray().Select(d => d.GetInt32())];

    private static List<Guid> Ids(JsonElement page) => [.. page.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetGuid())];

    private static (string?, string?, string?) Summary(JsonElement post)
    {
        var rights = post.GetProperty("usageRights");
        return (rights.GetProperty("status").GetString(), rights.GetProperty("endsOn").GetString(), rights.GetProperty("source").GetString());
    }

    private async Task<JsonElement> SendAgreementAsync(Guid brand, Guid enrollment, params object[] usageRights) =>
        await service.ReadAsync(HttpMethod.Post, "/api/agreements", brand, new { enrollmentId = enrollment, text = Terms, usageRights });

    private async Task<JsonElement> AcceptAsync(Guid brand, Guid creator, JsonElement agreement) =>
        await service.ReadAsCreatorAsync(HttpMethod.Post, $"/api/me/agreements/{agreement.GetProperty("id")}/accept", brand, creator,
            new { textSha256 = agreement.GetProperty("textSha256").GetString() });

    /// <summary>Records a post of the enrollment, with grants of its own when any are given.</summary>
    private async Task<Guid> RecordAsync(Guid brand, Guid enrollment, params object[] grants)
    {
        var url = $"https://www.instagram.com/reel/C{Guid.NewGuid():N}"[..42] + "/";
        var post = (await service.ReadAsync(HttpMethod.Post, "/api/posts", brand, PostBodies.Post(enrollment, url, caption: "#ad"))).GetProperty("id").GetGuid();
        if (grants.Length > 0)
        {
            await SetOwnAsync(brand, post, grants);
        }

        return post;
    }

    private Task<JsonElement> SetOwnAsync(Guid brand, Guid post, params object[] grants) =>
        service.ReadAsync(HttpMethod.Put, $"/api/posts/{post}/usage-rights", brand, new { grants });

    private Task<JsonElement> CheckAsync(Guid brand, Guid post, string query) =>
        service.ReadAsync(HttpMethod.Get, $"/api/posts/{post}/usage-check?{query}", brand);

    private async Task<List<JsonElement>> EventsAsync(Guid brand, string type) =>
        [.. (await service.EventsAsync(brand)).Where(e => e.MessageType.Split(',')[0].EndsWith("." + type, StringComparison.Ordinal)).Select(e => JsonDocument.Parse(e.Body).RootElement)];

    private async Task<List<(string Type, JsonElement Body)>> NoticesAsync(Guid brand) =>
        [.. (await service.EventsAsync(brand)).Select(e => (Type: e.MessageType.Split(',')[0].Split('.')[^1], e.Body))
            .Where(e => e.Type is "UsageRightsExpiring" or "UsageRightsExpired").Select(e => (e.Type, JsonDocument.Parse(e.Body).RootElement))];

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}

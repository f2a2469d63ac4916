using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AmbassadorNet.Contracts.Creators;
using AmbassadorNet.TestKit.Services;
using AmbassadorNet.TestKit.Waiting;

namespace Campaigns.Tests;

/// <summary>Agreements: versions sent by the brand, the exact text and its hash, acceptance by the creator's own credential, expiry, erasure, and the approval rule.</summary>
public sealed class AgreementTests(CampaignsService service) : IClassFixture<CampaignsService>
{
    private const string Terms = "You will post honestly about the Spring box and disclose the partnership.";

    [Fact]
    public async Task A_sent_version_has_the_exact_text_with_its_appendix_and_the_sha256_of_its_bytes()
    {
        var (brand, _, enrollment, creator) = await service.ActiveEnrollmentAsync();

        var sent = await SendAsync(brand, enrollment, new
        {
            enrollmentId = enrollment, text = Terms, deliverablesOwed = new[] { new { type = "post", count = 2 } }, fee = new { amount = 150m, currency = "usd" },
            exclusivity = new { categories = new[] { "vegan-snacks" }, startsOn = "2027-01-01", endsOn = "2027-06-30" },
        });
        var (text, etag) = await TextAsync(brand, sent.GetProperty("id").GetGuid());

        Assert.Equal(1, sent.GetProperty("agreementVersion").GetInt32());
        Assert.Equal("sent", sent.GetProperty("status").GetString());
        Assert.Equal(creator, sent.GetProperty("creatorId").GetGuid());
        Assert.Equal(Sha256(text), sent.GetProperty("textSha256").GetString());
        Assert.Equal($"\"{Sha256(text)}\"", etag);
        Assert.StartsWith(Terms + "\n\n---\nAgreement version 1 for the campaign \"Spring vegan box\"", text);
        Assert.Contains("Deliverables owed: 2 x post.\nFee: 150.00 USD.\nCommission: the campaign's commission plan of terms version 1", text);
        Assert.Contains("Exclusivity: no promotion of competing products in vegan-snacks from 2027-01-01 to 2027-06-30.", text);
    }

    [Fact]
    public async Task A_template_is_filled_with_the_fields_given_and_the_built_in_ones_and_a_missing_field_is_named()
    {
        var (brand, _, enrollment, _) = await service.ActiveEnrollmentAsync();
        var template = await service.ReadAsync(HttpMethod.Post, "/api/agreement-templates", brand, new
        {
            name = "Ambassador terms", text = "{{ campaign.name }}: {{creator.handle}} posts {{posts_per_month}} times a month. Version {{agreement.version}}.",
        });
        var templateId = template.GetProperty("id").GetGuid();

        var missing = await service.SendAsync(HttpMethod.Post, "/api/agreements", brand, new { enrollmentId = enrollment, templateId });
        var sent = await SendAsync(brand, enrollment, new { enrollmentId = enrollment, templateId, fields = new Dictionary<string, string> { ["posts_per_month"] = "3" } });
        var (text, _) = await TextAsync(brand, sent.GetProperty("id").GetGuid());

        Assert.Equal(["campaign.name", "creator.handle", "posts_per_month", "agreement.version"], template.GetProperty("placeholders").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("posts_per_month", await missing.Content.ReadAsStringAsync());
        Assert.StartsWith("Spring vegan box: ", text);
        Assert.Contains(" posts 3 times a month. Version 1.", text);
        Assert.Equal(templateId, sent.GetProperty("templateId").GetGuid());
    }

    [Fact]
    public async Task The_creator_accepts_with_the_hash_they_read_and_the_acceptance_records_their_credential()
    {
        var (brand, _, enrollment, creator) = await service.ActiveEnrollmentAsync();
        var id = (await SendAsync(brand, enrollment, new { enrollmentId = enrollment, text = Terms })).GetProperty("id").GetGuid();
        var text = await (await service.SendAsCreatorAsync(HttpMethod.Get, $"/api/me/agreements/{id}/text", brand, creator)).Content.ReadAsStringAsync();

        var wrong = await service.SendAsCreatorAsync(HttpMethod.Post, $"/api/me/agreements/{id}/accept", brand, creator, new { textSha256 = Sha256(text + " ") });
        var malformed = await service.SendAsCreatorAsync(HttpMethod.Post, $"/api/me/agreements/{id}/accept", brand, creator, new { textSha256 = "abc" });
        var accepted = await service.ReadAsCreatorAsync(HttpMethod.Post, $"/api/me/agreements/{id}/accept", brand, creator, new { textSha256 = Sha256(text) });
        var again = await service.SendAsCreatorAsync(HttpMethod.Post, $"/api/me/agreements/{id}/accept", brand, creator, new { textSha256 = Sha256(text) });

        Assert.Equal(HttpStatusCode.Conflict, wrong.StatusCode);
        Assert.Contains("download it again", await wrong.Content.ReadAsStringAsync());
        Assert.Equal(["textSha256"], await malformed.ErrorFieldsAsync());
        Assert.Equal("accepted", accepted.GetProperty("status").GetString());
        Assert.Equal(ServiceUnderTest<AmbassadorNet.Campaigns.Persistence.CampaignsDbContext>.CreatorKeyId(creator), accepted.GetProperty("acceptedWithKeyId").GetGuid());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("already accepted", await again.Content.ReadAsStringAsync());
        var types = await EventTypesAsync(brand, "Agreement");
        Assert.Equal(["AgreementSent", "AgreementAccepted"], types);
    }

    [Fact]
    public async Task Another_creator_can_neither_read_nor_accept_and_a_brand_key_cannot_accept()
    {
        var (brand, _, enrollment, creator) = await service.ActiveEnrollmentAsync();
        var sent = await SendAsync(brand, enrollment, new { enrollmentId = enrollment, text = Terms });
        var id = sent.GetProperty("id").GetGuid();
        var hash = new { textSha256 = sent.GetProperty("textSha256").GetString() };
        var stranger = Guid.CreateVersion7();

        var read = await service.SendAsCreatorAsync(HttpMethod.Get, $"/api/me/agreements/{id}/text", brand, stranger);
        var accept = await service.SendAsCreatorAsync(HttpMethod.Post, $"/api/me/agreements/{id}/accept", brand, stranger, hash);
        var list = await service.ReadAsCreatorAsync(HttpMethod.Get, "/api/me/agreements", brand, stranger);
        var byBrand = await service.SendAsync(HttpMethod.Post, $"/api/me/agreements/{id}/accept", brand, hash);
        var after = await service.ReadAsync(HttpMethod.Get, $"/api/agreements/{id}", brand);

        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, accept.StatusCode);
        Assert.Equal(0, list.GetProperty("items").GetArrayLength());
        Assert.Equal(HttpStatusCode.Forbidden, byBrand.StatusCode);
        Assert.Equal("sent", after.GetProperty("status").GetString());
        Assert.Equal(1, (await service.ReadAsCreatorAsync(HttpMethod.Get, "/api/me/agreements", brand, creator)).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task A_new_version_supersedes_the_one_waiting_which_can_then_not_be_accepted()
    {
        var (brand, _, enrollment, creator) = await service.ActiveEnrollmentAsync();
        var first = await SendAsync(brand, enrollment, new { enrollmentId = enrollment, text = Terms });
        var second = await SendAsync(brand, enrollment, new { enrollmentId = enrollment, text = Terms + " Now with stories." });

        var late = await service.SendAsCreatorAsync(HttpMethod.Post, $"/api/me/agreements/{first.GetProperty("id")}/accept", brand, creator,
            new { textSha256 = first.GetProperty("textSha256").GetString() });
        var versions = await service.ReadAsync(HttpMethod.Get, $"/api/agreements?enrollmentId={enrollment}", brand);

        Assert.Equal(2, second.GetProperty("agreementVersion").GetInt32());
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("replaced by a newer version", await late.Content.ReadAsStringAsync());
        Assert.Equal([("sent", 2), ("superseded", 1)],
            versions.GetProperty("items").EnumerateArray().Select(v => (v.GetProperty("status").GetString(), v.GetProperty("agreementVersion").GetInt32())));
    }

    [Fact]
    public async Task Content_submitted_under_an_unaccepted_version_waits_for_acceptance_and_earlier_content_does_not()
    {
        var (brand, campaign, enrollment, creator) = await service.ActiveEnrollmentAsync();
        var before = await DeliverableAsync(brand, campaign, enrollment, submit: true);
        var sent = await SendAsync(brand, enrollment, new { enrollmentId = enrollment, text = Terms });
        var after = await DeliverableAsync(brand, campaign, enrollment, submit: true);
        var deliverables = $"/api/campaigns/{campaign}/enrollments/{enrollment}/deliverables";

        var earlier = await service.SendAsync(HttpMethod.Post, $"{deliverables}/{before}/approve", brand);
        var blocked = await service.SendAsync(HttpMethod.Post, $"{deliverables}/{after}/approve", brand);
        var waiting = await service.ReadAsync(HttpMethod.Get, deliverables, brand);
        await service.ReadAsCreatorAsync(HttpMethod.Post, $"/api/me/agreements/{sent.GetProperty("id")}/accept", brand, creator,
            new { textSha256 = sent.GetProperty("textSha256").GetString() });
        var approved = await service.SendAsync(HttpMethod.Post, $"{deliverables}/{after}/approve", brand);

        Assert.Equal(HttpStatusCode.OK, earlier.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, blocked.StatusCode);
        Assert.Contains("submitted under agreement version 1", await blocked.Content.ReadAsStringAsync());
        Assert.Equal("submitted", waiting.EnumerateArray().Single(d => d.GetProperty("id").GetGuid() == after).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
    }

    [Fact]
    public async Task A_changed_agreement_needs_acceptance_again_for_content_submitted_after_the_change()
    {
        var (brand, campaign, enrollment, creator) = await service.ActiveEnrollmentAsync();
        var first = await SendAsync(brand, enrollment, new { enrollmentId = enrollment, text = Terms });
        await service.ReadAsCreatorAsync(HttpMethod.Post, $"/api/me/agreements/{first.GetProperty("id")}/accept", brand, creator,
            new { textSha256 = first.GetProperty("textSha256").GetString() });
        var underFirst = await DeliverableAsync(brand, campaign, enrollment, submit: true);
        await SendAsync(brand, enrollment, new { enrollmentId = enrollment, text = Terms + " Changed." });
        var underSecond = await DeliverableAsync(brand, campaign, enrollment, submit: true);
        var deliverables = $"/api/campaigns/{campaign}/enrollments/{enrollment}/deliverables";

        var firstApproval = await service.SendAsync(HttpMethod.Post, $"{deliverables}/{underFirst}/approve", brand);
        var secondApproval = await service.SendAsync(HttpMethod.Post, $"{deliverables}/{underSecond}/approve", brand);

        Assert.Equal(HttpStatusCode.OK, firstApproval.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, secondApproval.StatusCode);
        Assert.Contains("agreement version 2", await secondApproval.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_version_not_accepted_by_its_deadline_expires_once_and_can_no_longer_be_accepted()
    {
        var (brand, _, enrollment, creator) = await service.ActiveEnrollmentAsync();
        var sent = await SendAsync(brand, enrollment, new { enrollmentId = enrollment, text = Terms, acceptBy = DateTimeOffset.UtcNow.AddSeconds(1) });
        var id = sent.GetProperty("id").GetGuid();

        var expired = await Eventually.UntilAsync(_ => service.ReadAsync(HttpMethod.Get, $"/api/agreements/{id}", brand),
            a => a.GetProperty("status").GetString() == "expired", "the agreement to expire");
        var accept = await service.SendAsCreatorAsync(HttpMethod.Post, $"/api/me/agreements/{id}/accept", brand, creator, new { textSha256 = sent.GetProperty("textSha256").GetString() });

        Assert.NotNull(expired.GetProperty("closedAt").GetString());
        Assert.Equal(HttpStatusCode.Conflict, accept.StatusCode);
        Assert.Contains("expired", await accept.Content.ReadAsStringAsync());
        await Task.Delay(600); // a few more passes of the job: still one event
        Assert.Equal(["AgreementSent", "AgreementExpired"], await EventTypesAsync(brand, "Agreement"));
    }

    [Fact]
    public async Task Erasing_the_creator_removes_the_text_and_fields_and_keeps_the_evidence()
    {
        var (brand, _, enrollment, creator) = await service.ActiveEnrollmentAsync();
        var template = (await service.ReadAsync(HttpMethod.Post, "/api/agreement-templates", brand, new { name = "Short", text = "Dear {{nickname}}, welcome." })).GetProperty("id");
        var sent = await SendAsync(brand, enrollment, new { enrollmentId = enrollment, templateId = template, fields = new Dictionary<string, string> { ["nickname"] = "Ana" } });
        var id = sent.GetProperty("id").GetGuid();
        await service.ReadAsCreatorAsync(HttpMethod.Post, $"/api/me/agreements/{id}/accept", brand, creator, new { textSha256 = sent.GetProperty("textSha256").GetString() });

        await service.PublishAsync(new CreatorErased(brand, DateTimeOffset.UtcNow, creator, 9));
        var erased = await Eventually.UntilAsync(_ => service.ReadAsync(HttpMethod.Get, $"/api/agreements/{id}", brand),
            a => a.GetProperty("erased").GetBoolean(), "the erasure to reach the agreement");
        await service.PublishAsync(new CreatorErased(brand, DateTimeOffset.UtcNow, creator, 9)); // delivered again: changes nothing
        await Eventually.SettledAsync(async _ => (await service.ReadAsync(HttpMethod.Get, $"/api/agreements/{id}", brand)).GetRawText(), "the agreement after a repeated erasure", service.Idle);
        var text = await service.SendAsync(HttpMethod.Get, $"/api/agreements/{id}/text", brand);
        var again = await service.ReadAsync(HttpMethod.Get, $"/api/agreements/{id}", brand);

        Assert.Equal(HttpStatusCode.Gone, text.StatusCode);
        Assert.Equal(erased.GetProperty("version").GetInt64(), again.GetProperty("version").GetInt64());
        Assert.Equal(JsonValueKind.Null, erased.GetProperty("fields").ValueKind);
        Assert.Equal(sent.GetProperty("textSha256").GetString(), erased.GetProperty("textSha256").GetString());
        Assert.Equal("accepted", erased.GetProperty("status").GetString());
        Assert.Equal(ServiceUnderTest<AmbassadorNet.Campaigns.Persistence.CampaignsDbContext>.CreatorKeyId(creator), erased.GetProperty("acceptedWithKeyId").GetGuid());
    }

    [Theory]
    [InlineData("{\"text\":\"x\"}", "enrollmentId")]
    [InlineData("{\"enrollmentId\":\"{e}\"}", "text")]
    [InlineData("{\"enrollmentId\":\"{e}\",\"text\":\"x\",\"templateId\":\"0197a3c0-2222-7000-8000-000000000042\"}", "text")]
    [InlineData("{\"enrollmentId\":\"{e}\",\"text\":\"x\",\"acceptBy\":\"2020-01-01T00:00:00Z\"}", "acceptBy")]
    [InlineData("{\"enrollmentId\":\"{e}\",\"text\":\"x\",\"fee\":{\"amount\":-1,\"currency\":\"USD\"}}", "fee.amount")]
    [InlineData("{\"enrollmentId\":\"{e}\",\"text\":\"x\",\"deliverablesOwed\":[{\"type\":\"podcast\",\"count\":1}]}", "deliverablesOwed[0].type")]
    [InlineData("{\"enrollmentId\":\"{e}\",\"text\":\"x\",\"exclusivity\":{\"categories\":[\"Vegan Snacks\"],\"startsOn\":\"2027-01-01\",\"endsOn\":\"2027-02-01\"}}", "exclusivity.categories")]
    [InlineData("{\"enrollmentId\":\"{e}\",\"text\":\"x\",\"exclusivity\":{\"categories\":[\"snacks\"],\"startsOn\":\"2027-03-01\",\"endsOn\":\"2027-02-01\"}}", "exclusivity.endsOn")]
    public async Task A_bad_send_is_a_400_naming_the_field_and_sends_nothing(string body, string field)
    {
        var (brand, _, enrollment, _) = await service.ActiveEnrollmentAsync();

        var response = await service.SendAsync(HttpMethod.Post, "/api/agreements", brand, JsonDocument.Parse(body.Replace("{e}", enrollment.ToString())).RootElement);
        var list = await service.ReadAsync(HttpMethod.Get, $"/api/agreements?enrollmentId={enrollment}", brand);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, await response.ErrorFieldsAsync());
        Assert.Equal(0, list.GetProperty("items").GetArrayLength());
    }

    [Theory]
    [InlineData("{\"text\":\"Terms\"}", "name")]
    [InlineData("{\"name\":\"Terms\"}", "text")]
    [InlineData("{\"name\":\" \",\"text\":\" \"}", "name")]
    public async Task A_bad_template_is_a_400_naming_the_field_and_stores_nothing(string body, string field)
    {
        var brand = Guid.CreateVersion7();

        var response = await service.SendAsync(HttpMethod.Post, "/api/agreement-templates", brand, JsonDocument.Parse(body).RootElement);
        var list = await service.ReadAsync(HttpMethod.Get, "/api/agreement-templates", brand);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, await response.ErrorFieldsAsync());
        Assert.Equal(0, list.GetProperty("items").GetArrayLength());
    }

    [Theory]
    [InlineData("/api/agreements?status=signed", "status")]
    [InlineData("/api/agreements?limit=1000", "limit")]
    [InlineData("/api/agreement-templates?limit=0", "limit")]
    public async Task A_bad_filter_on_the_agreement_lists_is_a_400_naming_it(string path, string field)
    {
        var response = await service.SendAsync(HttpMethod.Get, path, Guid.CreateVersion7());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([field], await response.ErrorFieldsAsync());
    }

    private async Task<JsonElement> SendAsync(Guid brand, Guid enrollment, object body) =>
        await service.ReadAsync(HttpMethod.Post, "/api/agreements", brand, body);

    private async Task<(string Text, string? ETag)> TextAsync(Guid brand, Guid id)
    {
        var response = await service.SendAsync(HttpMethod.Get, $"/api/agreements/{id}/text", brand);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadAsStringAsync(), response.Headers.ETag?.Tag);
    }

    private async Task<Guid> DeliverableAsync(Guid brand, Guid campaign, Guid enrollment, bool submit)
    {
        var path = $"/api/campaigns/{campaign}/enrollments/{enrollment}/deliverables";
        var id = (await service.ReadAsync(HttpMethod.Post, path, brand, new { type = "post", dueDate = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(7)) })).GetProperty("id").GetGuid();
        if (submit)
        {
            await service.ReadAsync(HttpMethod.Post, $"{path}/{id}/submit", brand, new { url = $"https://www.instagram.com/p/{Guid.NewGuid():N}/" });
        }

        return id;
    }

    private async Task<List<string>> EventTypesAsync(Guid brand, string prefix) =>
        [.. (await service.EventsAsync(brand)).Select(e => e.MessageType.Split(',')[0].Split('.')[^1]).Where(t => t.StartsWith(prefix, StringComparison.Ordinal))];

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}

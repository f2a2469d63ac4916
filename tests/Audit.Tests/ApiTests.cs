using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AmbassadorNet.Security;

namespace Audit.Tests;

/// <summary>Reading the trail: filters, pages, CSV, one entry, who may read, and bad input.</summary>
public sealed class ApiTests(AuditService service) : IClassFixture<AuditService>
{
    [Fact]
    public async Task Entries_are_listed_newest_first_filtered_and_paged()
    {
        var brand = Guid.CreateVersion7();
        var (other, otherKey, subject) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        await service.PublishAsync(Records.Created(brand, 2)); // one at a time: a queue does not keep order
        await service.SettledEntriesAsync(brand, 2);
        await service.PublishAsync(Records.CreatorUpdated(brand, subject, "US", "GB", member: other, key: otherKey));
        await service.SettledEntriesAsync(brand, 3);
        await service.PublishAsync(Records.CreatorUpdated(brand, Guid.CreateVersion7(), "US", "FR", service: "payouts", action: "UpdateSettings"));
        await service.SettledEntriesAsync(brand, 4);

        Assert.Equal([4L, 3L, 2L, 1L], await SeqsAsync(brand, ""));
        Assert.Equal([4L], await SeqsAsync(brand, "?service=payouts"));
        Assert.Equal([2L, 1L], await SeqsAsync(brand, "?service=campaigns"));
        Assert.Equal([4L], await SeqsAsync(brand, "?action=UpdateSettings"));
        Assert.Equal([3L], await SeqsAsync(brand, $"?memberId={other}"));
        Assert.Equal([3L], await SeqsAsync(brand, $"?keyId={otherKey}"));
        Assert.Equal([3L], await SeqsAsync(brand, $"?subjectType=creators&subjectId={subject}"));
        Assert.Equal([2L, 1L], await SeqsAsync(brand, "?subjectType=campaigns"));
        Assert.Empty(await SeqsAsync(brand, $"?to={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(-1).ToString("O"))}"));
        Assert.Equal(4, (await SeqsAsync(brand, $"?from={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(-1).ToString("O"))}")).Count);

        var first = await service.ReadAsync(HttpMethod.Get, "/api/audit/entries?limit=3", brand);
        var second = await service.ReadAsync(HttpMethod.Get, $"/api/audit/entries?limit=3&cursor={first.GetProperty("nextCursor").GetString()}", brand);
        Assert.Equal([4L, 3L, 2L], first.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("seq").GetInt64()));
        Assert.Equal([1L], second.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("seq").GetInt64()));
        Assert.Equal(JsonValueKind.Null, second.GetProperty("nextCursor").ValueKind);

        var bySeq = (await service.ReadAsync(HttpMethod.Get, "/api/audit/entries?seq=3", brand)).GetProperty("items");
        var entry = await service.ReadAsync(HttpMethod.Get, $"/api/audit/entries/{Assert.Single(bySeq.EnumerateArray()).GetProperty("id").GetGuid()}", brand);
        Assert.Equal(3, entry.GetProperty("seq").GetInt64());
        Assert.Equal(("member", otherKey, other), (entry.GetProperty("caller").GetProperty("kind").GetString(), entry.GetProperty("caller").GetProperty("keyId").GetGuid(), entry.GetProperty("caller").GetProperty("memberId").GetGuid()));
        Assert.Equal(("UpdateCreator", "PATCH", "/api/creators/{id:guid}"), (entry.GetProperty("action").GetProperty("name").GetString(), entry.GetProperty("action").GetProperty("method").GetString(), entry.GetProperty("action").GetProperty("route").GetString()));
        Assert.Equal(("US", "GB"), (entry.GetProperty("changes").GetProperty("country").GetProperty("before").GetString(), entry.GetProperty("changes").GetProperty("country").GetProperty("after").GetString()));
        Assert.Equal(JsonValueKind.Null, entry.GetProperty("personal").ValueKind);
        Assert.Equal(64, entry.GetProperty("entryHash").GetString()!.Length);
    }

    [Fact]
    public async Task The_csv_has_one_row_per_changed_field_with_personal_fields_marked()
    {
        var brand = Guid.CreateVersion7();
        var creator = Guid.CreateVersion7();
        await service.PublishAsync(Records.CreatorUpdated(brand, creator, "US", "GB", creator: creator));
        await service.SettledEntriesAsync(brand, 1);
        await service.PublishAsync(Records.Created(brand, 1));
        await service.SettledEntriesAsync(brand, 2);

        var response = await service.GetAsync("/api/audit/entries.csv", brand);
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var filtered = (await (await service.GetAsync("/api/audit/entries.csv?subjectType=creators", brand)).Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("seq,occurred_at,service,request_id,caller_kind,", lines[0], StringComparison.Ordinal);
        Assert.Equal(5, lines.Length); // header; entry 2: budget, name; entry 1: country, displayName (personal)
        Assert.StartsWith("2,", lines[1], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("1,", StringComparison.Ordinal) && l.Contains(",country,false,\"\"\"US\"\"\",\"\"\"GB\"\"\",", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("1,", StringComparison.Ordinal) && l.Contains(",displayName,true,\"\"\"US name\"\"\",\"\"\"GB name\"\"\",", StringComparison.Ordinal));
        Assert.Equal(3, filtered.Length);
    }

    [Fact]
    public async Task Only_admin_and_finance_read_the_trail_and_only_their_brands()
    {
        var brand = Guid.CreateVersion7();
        await service.PublishAsync(Records.Created(brand, 1));
        var id = Assert.Single(await service.SettledEntriesAsync(brand, 1)).Id;

        foreach (var role in new[] { Roles.Admin, Roles.Finance })
        {
            Assert.Equal(HttpStatusCode.OK, (await service.GetAsync($"/api/audit/entries/{id}", brand, role)).StatusCode);
        }

        foreach (var role in new[] { Roles.Manager, Roles.Analyst, Roles.Partner, Roles.Events })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await service.GetAsync("/api/audit/verify", brand, role)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await service.GetAsync($"/api/audit/entries/{id}", Guid.CreateVersion7())).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await service.GetAsync($"/api/audit/entries/{Guid.CreateVersion7()}", brand)).StatusCode);
        var empty = await service.ReadAsync(HttpMethod.Get, "/api/audit/verify", Guid.CreateVersion7());
        Assert.Equal((true, 0L), (empty.GetProperty("ok").GetBoolean(), empty.GetProperty("entries").GetInt64()));
    }

    [Theory]
    [InlineData("/api/audit/entries?limit=0", "limit")]
    [InlineData("/api/audit/entries?limit=201", "limit")]
    [InlineData("/api/audit/entries?memberId=not-a-uuid", "memberId")]
    [InlineData("/api/audit/entries?keyId=42", "keyId")]
    [InlineData("/api/audit/entries?seq=0", "seq")]
    [InlineData("/api/audit/entries?seq=first", "seq")]
    [InlineData("/api/audit/entries?from=yesterday", "from")]
    [InlineData("/api/audit/entries?from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z", "to")]
    [InlineData("/api/audit/entries?cursor=garbage", "cursor")]
    [InlineData("/api/audit/entries.csv?limit=10001", "limit")]
    [InlineData("/api/audit/anchors?limit=0", "limit")]
    public async Task A_bad_query_is_a_400_naming_the_parameter(string path, string field)
    {
        var response = await service.GetAsync(path, Guid.CreateVersion7());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal([field], errors.EnumerateObject().Select(e => e.Name));
    }

    [Theory]
    [InlineData("""{}""", "anchors")]
    [InlineData("""{"anchors": []}""", "anchors")]
    [InlineData("""{"anchors": [{"seq": 0, "entryHash": "0000000000000000000000000000000000000000000000000000000000000000"}]}""", "anchors[0].seq")]
    [InlineData("""{"anchors": [{"seq": 1, "entryHash": "abc"}]}""", "anchors[0].entryHash")]
    [InlineData("""{"anchors": [{"seq": 1}]}""", "anchors[0].entryHash")]
    [InlineData("""{"anchors": [{"seq": 1, "entryHash": "zz00000000000000000000000000000000000000000000000000000000000000"}]}""", "anchors[0].entryHash")]
    [InlineData("""{"anchors": "all of them"}""", "$.anchors")]
    public async Task A_bad_verify_body_is_a_400_naming_the_field(string body, string field)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/audit/verify") { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new("Bearer", service.Tokens.Mint(AmbassadorNet.Security.InternalToken.AudienceFor("audit"), Guid.CreateVersion7(), [Roles.Finance]));

        var response = await service.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        if (field.StartsWith('$'))
        {
            Assert.Contains(field, problem.GetProperty("detail").GetString(), StringComparison.Ordinal); // the binder names the JSON path
        }
        else
        {
            Assert.Contains(field, problem.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        }
    }

    private async Task<List<long>> SeqsAsync(Guid brand, string query) =>
        [.. (await service.ReadAsync(HttpMethod.Get, $"/api/audit/entries{query}", brand)).GetProperty("items").EnumerateArray().Select(e => e.GetProperty("seq").GetInt64())];
}

using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Creators.Tests;

public sealed class ImportTests(CreatorsService service, ITestOutputHelper output) : IClassFixture<CreatorsService>
{
    private const string Header = "display_name,email,country,niches,platform,handle,url,followers,average_likes,average_comments,average_views";

    [Fact]
    public async Task A_good_file_imports_every_row_with_one_event_each()
    {
        var brand = Guid.CreateVersion7();
        var csv = Csv(
            "Ana Lima,ana@example.com,BR,travel;food,instagram,ana_lima,https://instagram.com/ana_lima,\"12,500\",400,40,0",
            "\"Ben, the baker\",ben@example.com,US,food,tiktok,benbakes,,800,50,5,900",
            "Cleo,cleo@example.com,FR,,,,,,,,");

        var report = await ImportAsync(brand, csv);

        Assert.Equal(3, report.GetProperty("imported").GetInt32());
        Assert.All(report.GetProperty("rows").EnumerateArray(), row => Assert.Equal("imported", row.GetProperty("status").GetString()));
        var ana = await service.ReadAsync(HttpMethod.Get, "/api/creators?q=ana", brand);
        Assert.Equal("micro", ana.GetProperty("items")[0].GetProperty("tier").GetString());
        Assert.Equal(3, (await service.EventsAsync(brand)).Count(e => e.MessageType.Contains("CreatorApplied")));
    }

    [Fact]
    public async Task All_or_nothing_refuses_the_whole_file_with_a_report_per_row()
    {
        var brand = Guid.CreateVersion7();
        var csv = Csv(
            "Good,good@example.com,US,fitness,instagram,good_one,,1000,10,1,0",
            "Bad email,not-an-email,US,fitness,,,,,,,",
            "Twin,good@example.com,US,fitness,,,,,,,",
            "Bad number,num@example.com,US,fitness,instagram,num,,lots,1,1,0");

        var response = await PostCsvAsync(brand, csv, mode: null);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var rows = problem.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("line").GetInt32());
        var list = await service.ReadAsync(HttpMethod.Get, "/api/creators", brand);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("valid", rows[2].GetProperty("status").GetString());
        Assert.True(rows[3].GetProperty("errors").TryGetProperty("email", out _));
        Assert.True(rows[4].GetProperty("errors").TryGetProperty("email", out _)); // the same email as line 2
        Assert.True(rows[5].GetProperty("errors").TryGetProperty("numbers", out _));
        Assert.Equal(0, list.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Partial_imports_the_good_rows_and_reports_the_others()
    {
        var brand = Guid.CreateVersion7();
        await service.ApplyAsync(brand, new { displayName = "Existing", email = "taken@example.com", country = "US" });
        var csv = Csv(
            "Fresh,fresh@example.com,US,fitness,,,,,,,",
            "Taken,TAKEN@example.com,US,fitness,,,,,,,",
            "No country,nocountry@example.com,,fitness,,,,,,,");

        var report = JsonDocument.Parse(await (await PostCsvAsync(brand, csv, "partial")).Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(1, report.GetProperty("imported").GetInt32());
        Assert.Equal(2, report.GetProperty("rejected").GetInt32());
        Assert.Equal(["imported", "rejected", "rejected"], report.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task A_file_without_the_required_columns_is_a_400()
    {
        var response = await PostCsvAsync(Guid.CreateVersion7(), "name,mail\nAna,ana@example.com\n", null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_thousand_rows_import_in_one_request()
    {
        var csv = Csv(Enumerable.Range(0, 1_000).Select(i => $"Bulk {i},bulk{i}@example.com,US,fitness;food,instagram,bulk_{i},,{1_000 + (i * 97)},{i % 300},{i % 30},0").ToArray());

        // Twice, into two brands: the first run includes warming up the service; both are reported.
        foreach (var run in new[] { "first", "second" })
        {
            var brand = Guid.CreateVersion7();
            var stopwatch = Stopwatch.StartNew();
            var report = await ImportAsync(brand, csv);
            output.WriteLine($"1,000-row import ({run} run) took {stopwatch.ElapsedMilliseconds} ms");

            Assert.Equal(1_000, report.GetProperty("imported").GetInt32());
            Assert.Equal(1_000, (await service.EventsAsync(brand)).Count);
        }
    }

    private async Task<JsonElement> ImportAsync(Guid brand, string csv)
    {
        var response = await PostCsvAsync(brand, csv, null);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonDocument.Parse(text).RootElement;
    }

    private Task<HttpResponseMessage> PostCsvAsync(Guid brand, string csv, string? mode)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/creators/import" + (mode is null ? "" : $"?mode={mode}"))
        {
            Content = new StringContent(csv, Encoding.UTF8, "text/csv"),
        };
        request.Headers.Authorization = new("Bearer", service.Tokens.Mint(CreatorsService.Audience, brand, ["manager"]));
        return service.Http.SendAsync(request);
    }

    private static string Csv(params string[] rows) => Header + "\n" + string.Join("\n", rows) + "\n";
}

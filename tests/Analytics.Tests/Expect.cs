using System.Text.Json;

namespace Analytics.Tests;

/// <summary>Assertions on the figures of a view, compared as decimals (scale aside) with null meaning JSON null.</summary>
public static class Expect
{
    public static void Figures(JsonElement metrics, params (string Name, decimal? Value)[] expected)
    {
        foreach (var (name, value) in expected)
        {
            var actual = metrics.GetProperty(name);
            if (value is null)
            {
                Assert.True(actual.ValueKind == JsonValueKind.Null, $"{name} should be null, was {actual}");
            }
            else
            {
                Assert.True(actual.ValueKind == JsonValueKind.Number && actual.GetDecimal() == value, $"{name} should be {value}, was {actual}");
            }
        }
    }

    /// <summary>The scenario's campaign over both days, worked out by hand.</summary>
    public static void ScenarioTotals(JsonElement summary)
    {
        Assert.Equal("USD", summary.GetProperty("currency").GetString());
        Figures(summary.GetProperty("metrics"),
            ("clicks", 19), ("uniqueClicks", 16), ("botClicks", 2), ("conversions", 3),
            ("revenue", 230.00m), ("refunds", 30.00m), ("netRevenue", 200.00m), ("commission", 20.00m), ("fees", 20.00m),
            ("conversionRate", 0.1875m), ("earningsPerClick", 1.25m), ("revenuePerClick", 14.375m),
            ("averageOrderValue", 76.6667m), ("roas", 5m), ("costPerAcquisition", 13.3333m));
    }
}

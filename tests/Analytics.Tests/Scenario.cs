using static Analytics.Tests.Events;

namespace Analytics.Tests;

/// <summary>
/// A known program of one brand, one USD campaign (budget 1,000) and four creators, with figures
/// worked out by hand (see the expected values in the tests):
/// <list type="bullet">
/// <item>Ana (micro, engagement 0.05): day 1 ten clicks (2 bots, 1 duplicate), day 2 five clicks; orders of 100.00 (day 1) and 50.00 (day 2);
/// 30.00 of the first refunded on day 2; commission 10.00 + 5.00, 3.00 reversed on day 2.</item>
/// <item>Ben (nano, engagement 0.03): day 1 four clicks; an order of 80.00; commission 8.00; a 20.00 deliverable fee on day 2.</item>
/// <item>Cleo (micro, engagement 0.07) and Max (mega, no engagement): known, no figures.</item>
/// </list>
/// </summary>
public sealed class Scenario
{
    public static readonly DateOnly Day1 = new(2026, 3, 10);
    public static readonly DateOnly Day2 = new(2026, 3, 11);

    public Guid Brand { get; } = Guid.CreateVersion7();

    public Guid Campaign { get; } = Guid.CreateVersion7();

    public Guid Ana { get; } = Guid.CreateVersion7();

    public Guid Ben { get; } = Guid.CreateVersion7();

    public Guid Cleo { get; } = Guid.CreateVersion7();

    public Guid Max { get; } = Guid.CreateVersion7();

    public IReadOnlyList<object> Dimensions => [
        Campaign(Brand, Campaign, "Spring Box", budget: 1000m),
        Creator(Brand, Ana, "micro", 0.05m, "Ana", handle: "@ana"),
        Creator(Brand, Ben, "nano", 0.03m, "Ben \"the Baker\", Jr.", handle: "@ben"), // a name CSV must quote
        Creator(Brand, Cleo, "micro", 0.07m, "Cleo", handle: "@cleo"),
        Creator(Brand, Max, "mega", null, "Max", handle: "@max"),
    ];

    /// <summary>The facts, built once so a re-publication carries the same natural keys.</summary>
    public IReadOnlyList<object> Facts { get; }

    public Scenario()
    {
        var conversionA1 = Guid.CreateVersion7();
        var conversionA2 = Guid.CreateVersion7();
        var conversionB1 = Guid.CreateVersion7();
        Facts =
        [
            Clicks(Brand,
                Repeat(4, i => Click(Campaign, Ana, At(Day1, 9), bot: i < 2)),
                Repeat(4, _ => Click(Campaign, Ben, At(Day1, 10)))),
            Clicks(Brand,
                Repeat(6, i => Click(Campaign, Ana, At(Day1, 23), duplicate: i == 0)),
                Repeat(5, _ => Click(Campaign, Ana, At(Day2, 0)))),
            Attributed(Brand, conversionA1, Campaign, Ana, 100.00m, At(Day1, 11)),
            Attributed(Brand, conversionA2, Campaign, Ana, 50.00m, At(Day2, 8)),
            Attributed(Brand, conversionB1, Campaign, Ben, 80.00m, At(Day1, 15)),
            Refunded(Brand, conversionA1, "refund-1", Campaign, Ana, 30.00m, 30.00m, 100.00m, At(Day2, 18)),
            Accrued(Brand, conversionA1, Campaign, Ana, 10.00m, At(Day1, 11)),
            Accrued(Brand, conversionA2, Campaign, Ana, 5.00m, At(Day2, 8)),
            Accrued(Brand, conversionB1, Campaign, Ben, 8.00m, At(Day1, 15)),
            CommissionReversed(Brand, conversionA1, "refund-1", Campaign, Ana, 3.00m, At(Day2, 19)),
            Fee(Brand, Campaign, Ben, 20.00m, At(Day2, 20)),
        ];
    }

    public IEnumerable<object> Everything => [.. Dimensions, .. Facts];

    public string Summary => $"/api/analytics/campaigns/{Campaign}/summary";
}

using System.Net;
using System.Text.Json;

namespace Creators.Tests;

/// <summary>One brand with a known set of creators; each test filters it one way.</summary>
public sealed class SearchTests(SearchTests.Seeded seeded) : IClassFixture<SearchTests.Seeded>
{
    private CreatorsService Service => seeded.Service;

    [Theory]
    [InlineData("niche=travel", new[] { "Ana", "Ben" })]
    [InlineData("tier=micro", new[] { "Ben", "Cleo" })]
    [InlineData("minEngagement=0.05", new[] { "Ana", "Dev" })]
    [InlineData("minEngagement=0.01&maxEngagement=0.05", new[] { "Ben", "Cleo" })]
    [InlineData("minFollowers=50000", new[] { "Cleo", "Eve" })]
    [InlineData("country=br", new[] { "Cleo" })]
    [InlineData("status=approved", new[] { "Ana", "Eve" })]
    [InlineData("q=ben", new[] { "Ben" })]
    [InlineData("q=cleo_cooks", new[] { "Cleo" })]
    [InlineData("niche=food&country=US", new[] { "Ana" })]
    public async Task Each_filter_finds_exactly_the_matching_creators(string query, string[] expected)
    {
        var page = await Service.ReadAsync(HttpMethod.Get, $"/api/creators?{query}&limit=200", seeded.Brand);

        Assert.Equal(expected.Order(), Names(page).Order());
    }

    [Theory]
    [InlineData("engagement", new[] { "Dev", "Ana", "Cleo", "Ben", "Eve" })]
    [InlineData("followers", new[] { "Eve", "Cleo", "Ben", "Ana", "Dev" })]
    [InlineData("newest", new[] { "Eve", "Dev", "Cleo", "Ben", "Ana" })]
    public async Task Sorts_order_the_creators(string sort, string[] expected)
    {
        var page = await Service.ReadAsync(HttpMethod.Get, $"/api/creators?sort={sort}", seeded.Brand);

        Assert.Equal(expected, Names(page));
    }

    [Fact]
    public async Task Pages_follow_the_cursor_without_repeats()
    {
        var names = new List<string>();
        string? cursor = null;
        do
        {
            var page = await Service.ReadAsync(HttpMethod.Get, $"/api/creators?sort=followers&limit=2{(cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor))}", seeded.Brand);
            names.AddRange(Names(page));
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        Assert.Equal(["Eve", "Cleo", "Ben", "Ana", "Dev"], names);
    }

    [Theory]
    [InlineData("tier=giant", "tier")]
    [InlineData("status=sleeping", "status")]
    [InlineData("minEngagement=0.5&maxEngagement=0.1", "maxEngagement")]
    [InlineData("sort=alphabet", "sort")]
    [InlineData("limit=0", "limit")]
    [InlineData("cursor=garbage", "cursor")]
    public async Task A_bad_filter_is_a_400_naming_the_field(string query, string field)
    {
        var response = await Service.SendAsync(HttpMethod.Get, $"/api/creators?{query}", seeded.Brand);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"errors should name {field}: {problem}");
    }

    private static List<string> Names(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("displayName").GetString()!).ToList();

    /// <summary>
    /// Ana: US, travel+food, 5k (nano), 6%, approved. Ben: US, travel, 20k (micro), 2%, applied.
    /// Cleo: BR, food, 80k (micro), 3%, handle cleo_cooks. Dev: DE, tech, 900 (emerging), 10%.
    /// Eve: US, fitness, 2M (mega), 0.5%, approved. Created in that order.
    /// </summary>
    public sealed class Seeded : IAsyncLifetime
    {
        public CreatorsService Service { get; } = new();

        public Guid Brand { get; } = Guid.CreateVersion7();

        public async ValueTask InitializeAsync()
        {
            await Service.InitializeAsync();
            var ana = await Add("Ana", "US", ["travel", "food"], "ana_travels", 5_000, 300);
            await Add("Ben", "US", ["travel"], "ben_goes", 20_000, 400);
            await Add("Cleo", "BR", ["food"], "cleo_cooks", 80_000, 2_400);
            await Add("Dev", "DE", ["tech"], "dev_builds", 900, 90);
            var eve = await Add("Eve", "US", ["fitness"], "eve_lifts", 2_000_000, 10_000);
            await Service.ReadAsync(HttpMethod.Post, $"/api/creators/{ana}/approve", Brand);
            await Service.ReadAsync(HttpMethod.Post, $"/api/creators/{eve}/approve", Brand);
        }

        private Task<Guid> Add(string name, string country, string[] niches, string handle, long followers, long likes) =>
            Service.ApplyAsync(Brand, new
            {
                displayName = name, email = $"{name.ToLowerInvariant()}@example.com", country, niches,
                socialAccounts = new[] { new { platform = "instagram", handle, followers, averageLikes = likes, averageComments = 0 } },
            });

        public ValueTask DisposeAsync() => Service.DisposeAsync();
    }
}

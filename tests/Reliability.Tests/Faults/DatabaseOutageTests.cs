using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using AmbassadorNet.SystemTestKit;
using AmbassadorNet.TestKit.Network;
using AmbassadorNet.TestKit.Waiting;
using Reliability.Tests.Money;

namespace Reliability.Tests.Faults;

/// <summary>
/// Scenario 3 of docs/reliability.md: PostgreSQL goes away for this system as in a restart (open connections
/// reset, new ones refused) under load, then comes back. Meanwhile requests that need the database
/// fail fast with a 503 the client may retry, redirects keep being answered from memory, and no
/// message is dead-lettered; afterwards every service recovers without being restarted, the refused
/// orders are accepted when retried, and the books, clicks and analytics agree.
/// </summary>
[Collection(FaultySystemCollection.Name)]
public sealed class DatabaseOutageTests(FaultySystemFixture fixture)
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(12);

    /// <summary>Far below the clients' 60 s timeout and Npgsql's 15 s connect timeout: an answer, not a hang.</summary>
    private static readonly TimeSpan FailFast = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Requests_fail_fast_with_503_during_the_outage_and_the_system_recovers_by_itself()
    {
        var scenario = await OutageScenario.OpenAsync(fixture, "Database outage", "pgout");
        await using var load = scenario.Load;
        var (shop, partner, clicked) = (scenario.Shop, scenario.Partner, scenario.Clicked);
        await Orders.PostAsync(partner, scenario.Model, "pgout-before", clicked, 100m, scenario.OrderedAt, clicked.PromoCode);
        await load.WaitForMoreAsync(200, TimeSpan.FromMinutes(1));
        var processesBefore = TestSystem.Services.ToDictionary(s => s, fixture.System.ProcessIdOf);

        fixture.Postgres.SetMode(ProxyMode.Refuse);
        var answeredBefore = load.Answered;
        var refused = new List<string>();
        try
        {
            var until = DateTimeOffset.UtcNow + Outage;
            while (DateTimeOffset.UtcNow < until)
            {
                var orderId = $"pgout-{refused.Count}";
                await AssertUnavailableAsync(() => partner.SendRawAsync(HttpMethod.Post, "/api/conversions",
                    JsonContent.Create(Orders.Body(orderId, 50m, scenario.OrderedAt, shop.Enrollments[refused.Count % 2].PromoCode))), $"order {orderId}");
                refused.Add(orderId);
                await AssertUnavailableAsync(() => shop.Admin.SendRawAsync(HttpMethod.Get, $"/api/creators/{clicked.CreatorId}"), "a creator");
                await Task.Delay(500);
            }
        }
        finally
        {
            fixture.Postgres.SetMode(ProxyMode.Forward);
        }

        Assert.True(load.Answered > answeredBefore + 100, "redirects stopped while the database was away");
        await Eventually.UntilAsync(async _ => await AllReadyAsync(), "every service ready again without a restart", TimeSpan.FromMinutes(2));
        var pids = TestSystem.Services.ToDictionary(s => s, fixture.System.ProcessIdOf);
        Assert.Equal(processesBefore, pids); // the same processes: none exited and was started again

        // The shop retries what was refused: accepted now, once.
        for (var i = 0; i < refused.Count; i++)
        {
            await Orders.PostAsync(partner, scenario.Model, refused[i], shop.Enrollments[i % 2], 50m, scenario.OrderedAt, shop.Enrollments[i % 2].PromoCode);
        }

        await load.WaitForMoreAsync(200, TimeSpan.FromMinutes(1));
        await scenario.AssertEverythingArrivedAsync("the database outage"); // the click buffer held the clicks answered meanwhile
    }

    private static async Task AssertUnavailableAsync(Func<Task<(HttpStatusCode Status, string Body)>> request, string what)
    {
        var clock = Stopwatch.StartNew();
        var (status, body) = await request();
        Assert.True(status == HttpStatusCode.ServiceUnavailable, $"{what} during the outage: {(int)status} {body}");
        Assert.Contains("\"status\":503", body, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < FailFast, $"{what} took {clock.Elapsed.TotalSeconds:0.0} s to fail");
    }

    private async Task<bool> AllReadyAsync()
    {
        foreach (var service in TestSystem.Services)
        {
            using var response = await LedgerSystemFixture.Http.GetAsync(new Uri(fixture.System.UrlOf(service), "/health/ready"));
            if (!response.IsSuccessStatusCode)
            {
                return false;
            }
        }

        return true;
    }
}

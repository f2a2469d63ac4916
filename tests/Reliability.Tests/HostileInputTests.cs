using System.Net;
using AmbassadorNet.SystemTestKit;

namespace Reliability.Tests;

/// <summary>
/// Hostile input on every public endpoint answers a 4xx problem, never a 500,
/// and stores nothing. Commands on resources are sent to ids that do not exist (an action that takes
/// no body would otherwise rightly act on a real one); creates are sent with the hostile bodies and the
/// brand's every list must read the same afterwards.
/// </summary>
[Collection(TwoBrandsCollection.Name)]
public sealed class HostileInputTests(TwoBrandsFixture fixture)
{
    private static readonly string[] HostileCodes =
    [
        "..%2F..%2Fetc%2Fpasswd", "%2e%2e", "..", "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "'%20OR%201=1--",
        "%D0%96%D0%96%D0%96", "%F0%9F%98%80", new string('a', 4000), "a%2Fb", "%25",
    ];

    /// <summary>Commands that take no body: whatever a client sends with them is ignored, never parsed.</summary>
    private static readonly HashSet<string> BodylessCommands = ["POST /api/payouts/release"];

    private static readonly string[] HostileQueries =
    [
        "limit=-1", "limit=abc", "limit=100000000000", "cursor=%27%20OR%201%3D1--", "cursor=!!!!", "from=notadate&to=2026-13-45",
        "status=%3Cscript%3E", "sort=;DROP%20TABLE", "year=-1", "currency=ZZZ", "minClicks=-5",
    ];

    [Fact]
    public async Task Hostile_bodies_on_every_command_are_4xx_problems_and_store_nothing()
    {
        var brand = await GatewayClient.ForNewBrandAsync(TwoBrandsFixture.Http, fixture.System.System.Gateway, fixture.System.System.OperatorKey, "Hostile");
        var unknownIds = fixture.BrandA.Samples.ToDictionary(s => s.Key, _ => Guid.NewGuid().ToString());
        var cases = RouteCases.For(fixture.RunningServices, unknownIds);
        var before = await BrandSnapshot.TakeAsync(brand, cases.Where(c => !c.HasResourceIds));
        var failures = new List<string>();
        // The brand's creation by the operator, with its first admin and key, opens the brand's audit trail.
        var acceptedRoutes = new HashSet<string>(StringComparer.Ordinal) { "POST /api/brands" };

        foreach (var call in cases.Where(c => c.HasBody))
        {
            foreach (var (name, content) in HostileBodies.All())
            {
                var (status, body) = await brand.SendRawAsync(new HttpMethod(call.Method), call.Path, content());
                var accepted = (int)status is >= 200 and < 300;
                if (accepted)
                {
                    acceptedRoutes.Add($"{call.Method} {call.Route.Template.Text}");
                }

                if (!BrandSnapshot.IsProblem(status, body)
                    && !(accepted && BodylessCommands.Contains($"{call.Method} {call.Route.Template.Text}"))
                    && !(accepted && HostileBodies.MayBeValidText.Contains(name)))
                {
                    failures.Add($"{call} with {name}: {(int)status} {Cut(body)}");
                }
            }
        }

        // A creator's own routes, with a creator credential (a brand key is refused there before any body is read).
        var creator = fixture.BrandA.OtherCreator;
        var creatorCases = RouteCases.ForCreators(fixture.RunningServices, unknownIds);
        var creatorBefore = await BrandSnapshot.TakeAsync(creator, creatorCases.Where(c => !c.HasResourceIds));
        foreach (var call in creatorCases.Where(c => c.HasBody))
        {
            foreach (var (name, content) in HostileBodies.All())
            {
                var (status, body) = await creator.SendRawAsync(new HttpMethod(call.Method), call.Path, content());
                if (!BrandSnapshot.IsProblem(status, body) && !((int)status is >= 200 and < 300 && HostileBodies.MayBeValidText.Contains(name)))
                {
                    failures.Add($"{call} as a creator with {name}: {(int)status} {Cut(body)}");
                }
            }
        }

        var after = await BrandSnapshot.TakeAsync(brand, cases.Where(c => !c.HasResourceIds));
        var creatorAfter = await BrandSnapshot.TakeAsync(creator, creatorCases.Where(c => !c.HasResourceIds));
        Assert.True(failures.Count == 0, $"{failures.Count} answers were not 4xx problems:\n" + string.Join("\n", failures));
        Assert.Empty(BrandSnapshot.Differences(creatorBefore, creatorAfter));
        // Hostile text a command may rightly take as data (a hold's reason) is stored, and the audit trail
        // says so; it must name those accepted commands and nothing else.
        var changes = BrandSnapshot.Differences(before, after).Where(c => !c.StartsWith("/api/audit/", StringComparison.Ordinal)).ToList();
        Assert.True(changes.Count == 0, "hostile requests stored something:\n" + string.Join("\n", changes));
        if (fixture.RunningServices.Contains("audit"))
        {
            var audited = await AuditedRoutesAsync(brand);
            Assert.True(audited.IsSubsetOf(acceptedRoutes), $"the audit trail names refused commands: {string.Join(", ", audited.Except(acceptedRoutes))}");
        }
    }

    /// <summary>The routes (gateway spelling: no constraints) of every audit entry of the brand, once the trail holds still.</summary>
    private static async Task<HashSet<string>> AuditedRoutesAsync(GatewayClient brand)
    {
        var entries = await AmbassadorNet.TestKit.Waiting.Eventually.SettledAsync(
            async _ => (await brand.SendAsync(HttpMethod.Get, "/api/audit/entries?limit=200")).GetProperty("items").ToString(), "the hostile brand's audit trail to hold still");
        return [.. System.Text.Json.JsonDocument.Parse(entries).RootElement.EnumerateArray().Select(e => e.GetProperty("action"))
            .Select(a => $"{a.GetProperty("method").GetString()} {System.Text.RegularExpressions.Regex.Replace(a.GetProperty("route").GetString()!, ":[^}]+", "")}")];
    }

    /// <summary>
    /// Destinations a webhook must never reach (server-side request forgery), beside the receiver
    /// the system allow-lists (127.0.0.1 on one port); security findings 4 and 5 of docs/reliability.md.
    /// </summary>
    private static IEnumerable<string> HostileWebhookDestinations(Uri allowed) =>
    [
        $"http://127.0.0.1:{(allowed.Port == 15672 ? 15673 : 15672)}/api/overview", // the allow-listed address on another port (RabbitMQ's management)
        $"https://127.0.0.1:{allowed.Port + 1}/hook",
        $"http://localhost:{allowed.Port}/hook", // the allowed port under a name that is not on the list
        "https://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/hook", // Teredo 2001::/32
        "https://[100::1]/hook", // discard-only 100::/64
        "https://169.254.169.254/latest/meta-data/",
        "https://[::ffff:127.0.0.1]/hook",
    ];

    [Fact]
    public async Task Hostile_webhook_destinations_are_400_problems_and_store_nothing()
    {
        // A brand of its own with no activity: should a destination be accepted, no event could ever be delivered to it.
        var brand = await GatewayClient.ForNewBrandAsync(TwoBrandsFixture.Http, fixture.System.System.Gateway, fixture.System.System.OperatorKey, "Hostile hooks");
        var failures = new List<string>();
        foreach (var url in HostileWebhookDestinations(new Uri(fixture.Receiver.HookUrl)))
        {
            var (status, body) = await brand.SendRawAsync(HttpMethod.Post, "/api/webhooks", System.Net.Http.Json.JsonContent.Create(new { url }));
            if ((int)status is >= 200 and < 300)
            {
                await brand.SendRawAsync(HttpMethod.Delete, $"/api/webhooks/{System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid()}");
            }

            if (status != HttpStatusCode.BadRequest || !BrandSnapshot.IsProblem(status, body) || !body.Contains("\"url\"", StringComparison.Ordinal))
            {
                failures.Add($"{url}: {(int)status} {Cut(body)}");
            }
        }

        var (_, listed) = await brand.SendRawAsync(HttpMethod.Get, "/api/webhooks");
        Assert.True(failures.Count == 0, $"{failures.Count} destinations were not refused with a 400 problem:\n" + string.Join("\n", failures));
        Assert.Equal("[]", listed);
    }

    [Fact]
    public async Task Hostile_query_strings_on_every_read_never_cause_a_server_error()
    {
        var cases = RouteCases.For(fixture.RunningServices, fixture.BrandA.Samples)
            .Concat(RouteCases.ForCreators(fixture.RunningServices, fixture.BrandA.Samples)).Where(c => c.Method == "GET");
        var failures = new List<string>();
        foreach (var call in cases)
        {
            foreach (var query in HostileQueries)
            {
                var client = call.Route.Access.Policy == AmbassadorNet.Security.AccessPolicies.CreatorSelf ? fixture.BrandA.Creator : fixture.BrandA.Admin;
                var (status, body) = await client.SendRawAsync(HttpMethod.Get, $"{call.Path}?{query}");
                if ((int)status >= 500 || ((int)status >= 400 && !BrandSnapshot.IsProblem(status, body)))
                {
                    failures.Add($"{call} ?{query}: {(int)status} {Cut(body)}");
                }
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} reads failed badly:\n" + string.Join("\n", failures));
    }

    [Fact]
    public async Task Hostile_redirect_codes_are_404_problems_and_never_redirect()
    {
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var failures = new List<string>();
        foreach (var code in HostileCodes)
        {
            foreach (var method in new[] { HttpMethod.Get, HttpMethod.Head })
            {
                using var response = await anonymous.SendAsync(new HttpRequestMessage(method, new Uri(fixture.System.System.Gateway, "/r/" + code)));
                var body = await response.Content.ReadAsStringAsync();
                var status = (int)response.StatusCode;
                if (status is < 400 or >= 500 || (method == HttpMethod.Get && !BrandSnapshot.IsProblem(response.StatusCode, body)))
                {
                    failures.Add($"{method} /r/{Cut(code)}: {status} {Cut(body)}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>Kestrel refuses a NUL in the path at the protocol level, before any middleware could write a problem.</summary>
    [Fact]
    public async Task A_nul_in_a_redirect_code_is_refused_before_it_reaches_the_service()
    {
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var response = await anonymous.GetAsync(new Uri(fixture.System.System.Gateway, "/r/ab%00cd"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    private static string Cut(string text) => text.Length > 200 ? text[..200] + "…" : text;
}

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Web;

namespace AmbassadorNet.Demo;

/// <summary>
/// Builds one brand's world through the gateway as its tools, its creators' visitors and its shop
/// would. Every random choice is drawn from one seeded source before the requests that carry it, so
/// the same seed gives the same brand (ids and times aside) however the parallel requests interleave.
/// </summary>
public sealed partial class Seeder(HttpClient http, Uri gateway, string operatorKey, DemoOptions options, TextWriter log)
{
    private const int Parallelism = 8;
    private readonly Random _random = new(options.Seed);
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public async Task<SeedResult> RunAsync()
    {
        var operatorClient = new ApiClient(http, gateway, operatorKey);
        var brand = await operatorClient.PostAsync("/api/brands", new { name = options.BrandName, admin = new { name = "Ada Admin", email = "ada@brand.example" } });
        var brandId = brand.GetProperty("brand").GetProperty("id").GetGuid();
        var admin = new ApiClient(http, gateway, brand.GetProperty("apiKey").GetProperty("key").GetString()!);
        var keys = new Keys(
            admin,
            await MemberKeyAsync(admin, "Max Manager", "manager"),
            await MemberKeyAsync(admin, "Fay Finance", "finance"),
            await MemberKeyAsync(admin, "Ali Analyst", "analyst"),
            await KeyAsync(admin, "webshop", "partner"),
            operatorClient);
        Step($"brand {brandId} \"{options.BrandName}\" with its people (Ada the admin, Max of campaigns, Fay of finance, Ali the analyst), each with a key, and the webshop's machine key");

        var creators = CreatorPlans.Generate(_random, options.Creators);
        var creatorIds = await ApplyAsync(keys.Manager, creators);
        var approved = creators.Where(c => c.Decision == Decision.Approve).ToList();
        Step($"{creators.Count} creators applied ({Tally(creators, c => TierOf(c.Followers))}), {creators.Count(c => c.GrownFollowers is not null)} reported new stats, " +
             $"{approved.Count} approved, {creators.Count(c => c.Decision == Decision.Reject)} rejected, {creators.Count(c => c.Decision == Decision.LeaveApplied)} left to review");

        var campaigns = await CampaignsAsync(keys.Manager);
        var acceptRolls = campaigns.Select(_ => creators.Select(_ => _random.NextDouble()).ToArray()).ToArray();
        var enrolled = await EnrollAsync(keys.Manager, campaigns, creatorIds, creators, approved.Count, acceptRolls);
        Step($"3 campaigns launched; {enrolled.Count} enrollments accepted ({string.Join(", ", campaigns.Select((c, i) => $"{c.Name}: {enrolled.Count(e => e.Campaign == i)}"))}); a link and a promo code each");

        var clicks = Traffic.Clicks(_random, enrolled, options.Clicks);
        var orders = Traffic.Orders(_random, enrolled, clicks, options.Orders);
        var clickIds = await ClickAsync(clicks, keys.Operator);
        Step($"{clicks.Count} clicks through /r/{{code}} ({clicks.Count(c => c.Head)} HEAD, {clicks.Count(c => c.Crawler)} by crawlers)");

        var posted = await OrderAsync(keys.Partner, orders, clickIds);
        Step($"{orders.Count} orders posted: {posted.Count(p => p.Value.Status == "attributed")} attributed " +
             $"({posted.Count(p => p.Value.Method == "click")} by click, {posted.Count(p => p.Value.Method == "promo_code")} by promo code), " +
             $"{posted.Count(p => p.Value.Status == "unattributed")} unattributed; {orders.Count(o => o.Refund is not null)} refunded " +
             $"({orders.Count(o => o.Refund == o.Amount)} in full)");

        var fees = await DeliverablesAsync(keys.Manager, campaigns[2], enrolled.Where(e => e.Campaign == 2).Take(12).ToList());
        Step($"{fees} deliverables assigned, submitted and approved on {campaigns[2].Name} (fee {campaigns[2].Fee:0.00} USD each)");

        // Posts, metrics and gifts (Content.cs), before payouts so the posts' orders are in the ledger the run pays from.
        var posts = await ContentAsync(keys, campaigns[0], enrolled, posted);
        var experiments = await ExperimentsAsync(keys, campaigns[0], enrolled, posted);
        Step(await AgreementsAsync(keys, enrolled));

        await Payouts.SetProfilesAsync(keys.Finance, approved.Select(c => (creatorIds[c.Index], c)));
        await Payouts.LedgerSettledAsync(keys.Finance);
        var release = await keys.Finance.PostAsync("/api/payouts/release");
        Step($"ledger caught up; commission past its holding period released now: {release.GetProperty("released")} accruals, {Amounts(release)} (the release job takes the rest as it falls due)");
        if (options.PayoutRun)
        {
            Step(await Payouts.RunAsync(keys));
        }

        return new SeedResult(brandId, keys, campaigns, enrolled, posted, posts, experiments);
    }

    private void Step(string what) => log.WriteLine($"[{_clock.Elapsed.TotalSeconds,6:0.0}s] {what}");

    /// <summary>A member of the brand's staff and a key issued to them: only members approve, and four eyes are two of them.</summary>
    private static async Task<ApiClient> MemberKeyAsync(ApiClient admin, string name, string role)
    {
        var member = await admin.PostAsync("/api/members", new { name, email = $"{name.Split(' ')[0].ToLowerInvariant()}@brand.example", roles = new[] { role } });
        var issued = await admin.PostAsync("/api/api-keys", new { name = $"{name}'s key", roles = new[] { role }, memberId = member.GetProperty("id").GetGuid() });
        return admin.WithKey(issued.GetProperty("key").GetString()!);
    }

    private static async Task<ApiClient> KeyAsync(ApiClient admin, string name, string role)
    {
        var issued = await admin.PostAsync("/api/api-keys", new { name, roles = new[] { role } });
        return admin.WithKey(issued.GetProperty("key").GetString()!);
    }

    private async Task<Guid[]> ApplyAsync(ApiClient manager, IReadOnlyList<CreatorPlan> creators)
    {
        var ids = new Guid[creators.Count];
        await Parallel.ForEachAsync(creators, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (c, _) =>
        {
            var created = await manager.PostAsync("/api/creators", new
            {
                displayName = c.Name, email = c.Email, country = c.Country, niches = c.Niches,
                socialAccounts = new[] { new { platform = c.Platform, handle = c.Handle, followers = c.Followers, averageLikes = c.AverageLikes, averageComments = c.AverageComments, averageViews = c.AverageViews } },
            });
            var id = ids[c.Index] = created.GetProperty("id").GetGuid();
            if (c.GrownFollowers is { } grown)
            {
                var scale = (double)grown / c.Followers;
                await manager.PostAsync($"/api/creators/{id}/social-stats", new
                {
                    platform = c.Platform, handle = c.Handle, followers = grown,
                    averageLikes = (long)Math.Round(c.AverageLikes * scale), averageComments = (long)Math.Round(c.AverageComments * scale), averageViews = (long)Math.Round(c.AverageViews * scale),
                });
            }

            switch (c.Decision)
            {
                case Decision.Approve:
                    await manager.PostAsync($"/api/creators/{id}/approve");
                    break;
                case Decision.Reject:
                    await manager.PostAsync($"/api/creators/{id}/reject", new { reason = "Audience outside our markets" });
                    break;
            }
        });
        return ids;
    }

    private static async Task<Campaign[]> CampaignsAsync(ApiClient manager)
    {
        var now = DateTimeOffset.UtcNow;
        var definitions = new (string Name, object Body, decimal? Fee)[]
        {
            ("Always-on ambassadors", new
            {
                name = "Always-on ambassadors", objective = "sales", alwaysOn = true, currency = "USD", budget = 60_000,
                destinationUrl = "https://shop.verdant.example.com/?ref=ambassadors", allowedDomains = new[] { "verdant.example.com" },
                holdingPeriodDays = 7,
                commissionPlan = new { kind = "tiered", tiers = new object[] { new { fromRank = 1, percent = 10 }, new { fromRank = 5, percent = 15 } } },
                promoDiscount = new { percent = 10 }, brief = new { keyMessages = new[] { "Plant-based, ready in 10 minutes" }, requiredDisclosure = "#ad" },
            }, null),
            ("Spring fitness launch", new
            {
                name = "Spring fitness launch", objective = "sales", alwaysOn = false, startsAt = now, endsAt = now.AddDays(60), currency = "USD", budget = 8_000,
                destinationUrl = "https://shop.verdant.example.com/protein?campaign=spring", allowedDomains = new[] { "verdant.example.com" },
                holdingPeriodDays = 30, targeting = new { niches = new[] { "fitness", "outdoors" } },
                commissionPlan = new { kind = "percent", percent = 12 }, promoDiscount = new { percent = 15 },
            }, null),
            ("Holiday bundles", new
            {
                name = "Holiday bundles", objective = "sales", alwaysOn = false, startsAt = now, endsAt = now.AddDays(45), currency = "USD", budget = 5_000,
                destinationUrl = "https://shop.verdant.example.com/bundles", allowedDomains = new[] { "verdant.example.com" },
                holdingPeriodDays = 14, targeting = new { niches = new[] { "food", "vegan", "parenting" } },
                commissionPlan = new { kind = "flat", flatAmount = 6.00m }, promoDiscount = new { amount = 5.00m }, deliverableFee = 25.00m,
            }, 25.00m),
        };
        var campaigns = new Campaign[definitions.Length];
        for (var i = 0; i < definitions.Length; i++)
        {
            var created = await manager.PostAsync("/api/campaigns", definitions[i].Body);
            var id = created.GetProperty("id").GetGuid();
            await manager.PostAsync($"/api/campaigns/{id}/launch");
            campaigns[i] = new Campaign(id, definitions[i].Name, definitions[i].Fee);
        }

        return campaigns;
    }

    /// <summary>
    /// Invites in bulk (everyone to the always-on programme, by niche to the dated ones) once campaigns
    /// has heard of every approval, then has each creator accept or decline by their seeded roll.
    /// </summary>
    private async Task<List<Enrolled>> EnrollAsync(
        ApiClient manager, Campaign[] campaigns, Guid[] creatorIds, IReadOnlyList<CreatorPlan> creators, int approved, double[][] acceptRolls)
    {
        var filters = new object?[] { new { }, new { niche = "fitness" }, new { niche = "food" } };
        await Until(async () => (await manager.PostAsync($"/api/campaigns/{campaigns[0].Id}/enrollments/bulk", filters[0]!)).GetProperty("matched").GetInt32() >= approved
            || (await manager.AllAsync($"/api/campaigns/{campaigns[0].Id}/enrollments")).Count >= approved, "campaigns to learn of every approval");
        await manager.PostAsync($"/api/campaigns/{campaigns[1].Id}/enrollments/bulk", filters[1]!);
        await manager.PostAsync($"/api/campaigns/{campaigns[2].Id}/enrollments/bulk", filters[2]!);

        var byCreator = creatorIds.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => creators[x.i]);
        var accepted = new ConcurrentBag<(int Campaign, CreatorPlan Creator, Guid CreatorId, Guid EnrollmentId)>();
        for (var c = 0; c < campaigns.Length; c++)
        {
            var campaign = c;
            var invitations = await manager.AllAsync($"/api/campaigns/{campaigns[c].Id}/enrollments");
            await Parallel.ForEachAsync(invitations, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (invitation, _) =>
            {
                var creator = byCreator[invitation.GetProperty("creatorId").GetGuid()];
                var id = invitation.GetProperty("id").GetGuid();
                var accepts = acceptRolls[campaign][creator.Index] < 0.85;
                await manager.PostAsync($"/api/campaigns/{campaigns[campaign].Id}/enrollments/{id}/{(accepts ? "accept" : "decline")}");
                if (accepts)
                {
                    accepted.Add((campaign, creator, creatorIds[creator.Index], id));
                }
            });
        }

        var links = new Dictionary<Guid, string>();
        var codes = new Dictionary<Guid, string>();
        await Until(async () =>
        {
            links = (await manager.AllAsync("/api/links")).ToDictionary(l => l.GetProperty("enrollmentId").GetGuid(), l => l.GetProperty("code").GetString()!);
            codes = (await manager.AllAsync("/api/promo-codes")).ToDictionary(p => p.GetProperty("enrollmentId").GetGuid(), p => p.GetProperty("code").GetString()!);
            return links.Count >= accepted.Count && codes.Count >= accepted.Count;
        }, "tracking to issue every link and promo code");
        return [.. accepted.OrderBy(a => a.Campaign).ThenBy(a => a.Creator.Index)
            .Select(a => new Enrolled(a.Campaign, a.Creator, a.CreatorId, a.EnrollmentId, links[a.EnrollmentId], codes[a.EnrollmentId]))];
    }

    /// <summary>Follows the links (16 visitors at a time) and keeps each amb_cid, as the shop's landing page would.</summary>
    private async Task<Guid?[]> ClickAsync(List<PlannedClick> clicks, ApiClient operatorClient)
    {
        using var browser = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, MaxConnectionsPerServer = 16 }) { Timeout = TimeSpan.FromSeconds(30) };
        using var visitors = Visitors.Client();
        var before = await operatorClient.GetAsync("/ops/tracking/redirect-stats");
        var ids = new Guid?[clicks.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, clicks.Count), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, _) =>
        {
            var click = clicks[i];
            for (var attempt = 1; ; attempt++)
            {
                using var request = new HttpRequestMessage(click.Head ? HttpMethod.Head : HttpMethod.Get, new Uri(gateway, $"/r/{click.Enrollment.LinkCode}"));
                request.Headers.TryAddWithoutValidation("User-Agent", click.UserAgent);
                Visitors.Visit(request, click.Visitor);
                using var response = await (click.Visitor is null ? browser : visitors).SendAsync(request);
                if (response.StatusCode == HttpStatusCode.TooManyRequests && attempt < 20)
                {
                    await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1));
                    continue;
                }

                if (response.StatusCode != HttpStatusCode.Found)
                {
                    throw new HttpRequestException($"/r/{click.Enrollment.LinkCode} answered {(int)response.StatusCode}");
                }

                ids[i] = Guid.Parse(HttpUtility.ParseQueryString(response.Headers.Location!.Query)["amb_cid"]!);
                return;
            }
        });

        // An order naming a click tracking has not written yet would find no click: wait for the writer.
        var answeredBefore = before.GetProperty("answered").GetInt64();
        await Until(async () =>
        {
            var stats = await operatorClient.GetAsync("/ops/tracking/redirect-stats");
            return stats.GetProperty("answered").GetInt64() >= answeredBefore + clicks.Count && stats.GetProperty("pending").GetInt64() == 0
                && stats.GetProperty("stored").GetInt64() + stats.GetProperty("dropped").GetInt64() == stats.GetProperty("answered").GetInt64();
        }, "tracking to store the clicks");
        return ids;
    }

    /// <summary>
    /// One creator's orders are posted one after another (their ranks in the month, and so a tiered
    /// commission, follow the plan's order); different creators' orders go in parallel.
    /// </summary>
    private static async Task<ConcurrentDictionary<string, Posted>> OrderAsync(ApiClient partner, List<PlannedOrder> orders, Guid?[] clickIds)
    {
        var posted = new ConcurrentDictionary<string, Posted>(StringComparer.Ordinal);
        var now = DateTimeOffset.UtcNow;
        var queues = orders.GroupBy(o => o.Enrollment?.Creator.Index ?? -1 - orders.IndexOf(o)).ToList();
        await Parallel.ForEachAsync(queues, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (queue, _) =>
        {
            foreach (var order in queue)
            {
                var orderedAt = order.Kind == OrderKind.Click ? DateTimeOffset.UtcNow : now - order.Age;
                var answer = await partner.PostAsync("/api/conversions", new
                {
                    orderId = order.OrderId, amount = order.Amount, currency = "USD", orderedAt,
                    clickId = order.Kind == OrderKind.Click ? clickIds[order.ClickIndex!.Value] : null,
                    promoCode = order.Kind == OrderKind.PromoCode ? order.Enrollment!.PromoCode.ToLowerInvariant() : null,
                    customerId = $"cust-{order.OrderId.GetHashCode(StringComparison.Ordinal) & 0xFFFF:x4}",
                });
                posted[order.OrderId] = new Posted(answer.GetProperty("status").GetString()!, answer.TryGetProperty("method", out var m) ? m.GetString() : null,
                    answer.TryGetProperty("campaignId", out var c) && c.ValueKind == JsonValueKind.String ? c.GetGuid() : null,
                    answer.TryGetProperty("postId", out var p) && p.ValueKind == JsonValueKind.String ? p.GetGuid() : null);
                if (order.Refund is { } refund)
                {
                    await partner.PostAsync($"/api/conversions/{order.OrderId}/refunds", new { refundId = $"{order.OrderId}-R1", amount = refund, currency = "USD" });
                }
            }
        });
        return posted;
    }

    private static async Task<int> DeliverablesAsync(ApiClient manager, Campaign campaign, List<Enrolled> enrollments)
    {
        var due = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(14)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var e in enrollments)
        {
            var path = $"/api/campaigns/{campaign.Id}/enrollments/{e.EnrollmentId}/deliverables";
            var deliverable = await manager.PostAsync(path, new { type = "post", dueDate = due });
            var id = deliverable.GetProperty("id").GetGuid();
            await manager.PostAsync($"{path}/{id}/submit", new { url = $"https://www.instagram.com/p/{e.Creator.Handle}-bundle/" });
            await manager.PostAsync($"{path}/{id}/approve");
        }

        return enrollments.Count;
    }

    private static async Task Until(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Gave up waiting for {what}.");
            }

            await Task.Delay(500);
        }
    }

    private static string Amounts(JsonElement release) =>
        string.Join(", ", release.GetProperty("amounts").EnumerateArray().Select(a => $"{a.GetProperty("amount")} {a.GetProperty("currency").GetString()}")) is { Length: > 0 } s ? s : "nothing due yet";

    private static string Tally<T>(IEnumerable<T> items, Func<T, string> key) =>
        string.Join(", ", items.GroupBy(key).OrderBy(g => Array.IndexOf(TierOrder, g.Key)).Select(g => $"{g.Count()} {g.Key}"));

    private static readonly string[] TierOrder = ["emerging", "nano", "micro", "macro", "mega"];

    private static string TierOf(long followers) => followers switch
    {
        < 1_000 => "emerging",
        < 10_000 => "nano",
        < 100_000 => "micro",
        < 1_000_000 => "macro",
        _ => "mega",
    };
}

public sealed record Keys(ApiClient Admin, ApiClient Manager, ApiClient Finance, ApiClient Analyst, ApiClient Partner, ApiClient Operator);

public sealed record Campaign(Guid Id, string Name, decimal? Fee);

public sealed record Posted(string Status, string? Method, Guid? CampaignId, Guid? PostId);

public sealed record SeedResult(
    Guid BrandId, Keys Keys, Campaign[] Campaigns, List<Enrolled> Enrolled, IReadOnlyDictionary<string, Posted> Orders, List<RecordedPost> Posts,
    List<RunExperiment> Experiments);

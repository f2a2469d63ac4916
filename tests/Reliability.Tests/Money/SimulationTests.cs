using System.Diagnostics;
using System.Net;
using System.Web;
using AmbassadorNet.TestKit.Waiting;

namespace Reliability.Tests.Money;

/// <summary>
/// Scenario 8 of docs/reliability.md: a seeded, randomized run of the attribution and ledger rules against
/// <see cref="ReferenceModel"/>. A shop posts random orders (promo codes, clicks, unknown codes, none)
/// and refunds through the gateway with partner keys, in phases; after each phase the due commission
/// is released and every creator's pending and available balance, every campaign's analytics and the
/// trial balance must equal the model's. Size and seed: <see cref="SimulationPlan"/>.
/// </summary>
[Collection(LedgerSystemCollection.Name)]
public sealed class SimulationTests(LedgerSystemFixture fixture)
{
    private static readonly HttpClient Visitor = new(new HttpClientHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(30) };

    [Fact]
    public async Task Random_orders_refunds_and_releases_match_the_reference_model()
    {
        var (seed, size, phases) = (SimulationPlan.Seed, SimulationPlan.OrderCount, SimulationPlan.PhaseCount);
        var output = TestContext.Current.TestOutputHelper!;
        output.WriteLine(SimulationPlan.Describe(seed, size, phases));
        var shop = await Shop.OpenAsync(await fixture.NewBrandAsync("Simulation"), "sim", creators: 3,
        [
            new CampaignSpec("Sim percent", new Plan("percent", Percent: 12.5m), HoldingPeriodDays: 30),
            new CampaignSpec("Sim flat", new Plan("flat", FlatAmount: 3.50m), HoldingPeriodDays: 0),
            new CampaignSpec("Sim tiered", new Plan("tiered", Tiers: [new Tier(1, 5m, null), new Tier(3, 8m, null), new Tier(6, null, 12.00m)]), HoldingPeriodDays: 14),
        ], partnerKeys: 10);
        var plan = SimulationPlan.Draw(seed, size, phases, shop.Enrollments, DateTimeOffset.UtcNow);
        var model = new ReferenceModel();
        var clicksPerCampaign = shop.CampaignIds.ToDictionary(id => id, _ => 0L);
        var clock = Stopwatch.StartNew();

        foreach (var (phase, number) in plan.Select((p, i) => (p, i + 1)))
        {
            var clicks = await ClickAsync(shop, phase.Clicks, clicksPerCampaign);
            var workers = phase.Orders.GroupBy(o => o.Enrollment ?? -1).Select(g => g.Key).Union(
                phase.Refunds.Select(r => WorkerOf(plan, r.OrderId))).ToList();
            await Task.WhenAll(workers.Select(worker => RunWorkerAsync(shop, model, plan, phase, worker, clicks)));
            var posted = clock.Elapsed;

            var releasedAt = await fixture.ReleaseAtRestAsync(shop.Admin);
            var books = await fixture.AtRestAsync(_ => Books.ReadAsync(shop.Admin, shop.CreatorIds, shop.CampaignIds), $"the books after phase {number}");
            output.WriteLine($"phase {number}: {phase.Orders.Count} orders, {phase.Refunds.Count} refunds planned, {phase.Clicks.Count} clicks; posted by {posted.TotalSeconds:0.0} s, at rest by {clock.Elapsed.TotalSeconds:0.0} s");
            Invariants.Hold(books);
            Invariants.MatchModel(shop, model, releasedAt, books);
            foreach (var (campaignId, count) in clicksPerCampaign)
            {
                Assert.Equal(count, books.Campaign(campaignId).Clicks);
            }

            await Invariants.ClicksStoredAsync(fixture.Operator);
        }

        await fixture.AssertErrorQueuesAsExpectedAsync(["tracking", "payouts", "analytics"]);

        output.WriteLine($"{size} orders checked against the model in {clock.Elapsed.TotalSeconds:0.0} s");
    }

    /// <summary>Orders of one enrollment go through one worker, one at a time, so their ranks follow the plan; its refunds follow them.</summary>
    private static async Task RunWorkerAsync(Shop shop, ReferenceModel model, IReadOnlyList<Phase> plan, Phase phase, int worker, IReadOnlyList<(Guid Id, DateTimeOffset At)> clicks)
    {
        var partner = shop.Partners[(worker + 1) % shop.Partners.Count];
        foreach (var order in phase.Orders.Where(o => (o.Enrollment ?? -1) == worker))
        {
            var enrollment = order.Enrollment is { } e ? shop.Enrollments[e] : null;
            _ = order.Kind switch
            {
                OrderKind.NoCode => await Orders.PostAsync(partner, model, order.Id, null, order.Amount, order.OrderedAt),
                OrderKind.UnknownCode => await Orders.PostAsync(partner, model, order.Id, null, order.Amount, order.OrderedAt, promoCode: "NOSUCHCODE" + order.Id.Replace("-", "", StringComparison.Ordinal)),
                OrderKind.PromoCode => await Orders.PostAsync(partner, model, order.Id, enrollment, order.Amount, order.OrderedAt, promoCode: enrollment!.PromoCode),
                OrderKind.Click => await Orders.PostAsync(partner, model, order.Id, enrollment, order.Amount, clicks[order.ClickIndex].At, clickId: clicks[order.ClickIndex].Id),
                _ => throw new InvalidOperationException(order.Kind.ToString()),
            };
        }

        foreach (var refund in phase.Refunds.Where(r => WorkerOf(plan, r.OrderId) == worker))
        {
            var left = model.Refundable(refund.OrderId);
            var amount = refund.Share == 1m ? left : ReferenceModel.Round(left * refund.Share);
            if (amount > 0)
            {
                await Orders.RefundAsync(partner, model, refund.OrderId, refund.RefundId, amount);
            }
        }
    }

    private static int WorkerOf(IReadOnlyList<Phase> plan, string orderId) =>
        plan.SelectMany(p => p.Orders).Single(o => o.Id == orderId).Enrollment ?? -1;

    /// <summary>Visits the links as a browser would, then waits until tracking has stored every click; returns each click's id and a time not before it.</summary>
    private async Task<IReadOnlyList<(Guid Id, DateTimeOffset At)>> ClickAsync(Shop shop, IReadOnlyList<int> planned, Dictionary<Guid, long> perCampaign)
    {
        var clicks = new List<(Guid, DateTimeOffset)>();
        foreach (var enrollment in planned.Select(i => shop.Enrollments[i]))
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(fixture.Gateway, $"/r/{enrollment.LinkCode}"));
            request.Headers.UserAgent.ParseAdd("Mozilla/5.0 (X11; Linux x86_64; rv:130.0) Gecko/20100101 Firefox/130.0");
            using var response = await Visitor.SendAsync(request);
            Assert.Equal(HttpStatusCode.Found, response.StatusCode);
            var clickId = Guid.Parse(HttpUtility.ParseQueryString(response.Headers.Location!.Query)["amb_cid"]!);
            // Whole microseconds, as tracking keeps times, and not before the click.
            var at = DateTimeOffset.UtcNow;
            at = new DateTimeOffset(at.Ticks - (at.Ticks % 10) + 10, TimeSpan.Zero);
            clicks.Add((clickId, at));
            perCampaign[enrollment.CampaignId]++;
        }

        await Eventually.UntilAsync(async _ =>
        {
            var stats = await fixture.Operator.SendAsync(HttpMethod.Get, "/ops/tracking/redirect-stats");
            return stats.GetProperty("pending").GetInt64() == 0 && stats.GetProperty("answered").GetInt64() == stats.GetProperty("stored").GetInt64();
        }, "tracking to store the clicks");
        return clicks;
    }
}

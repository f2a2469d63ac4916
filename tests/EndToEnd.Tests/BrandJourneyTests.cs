using System.Net;
using System.Text.Json;
using AmbassadorNet.SystemTestKit;
using AmbassadorNet.TestKit.Waiting;

namespace EndToEnd.Tests;

/// <summary>
/// One brand's whole journey through the gateway only, as its tools and its shop would play it, with
/// every figure checked against numbers worked out by hand below. The plan is tiered (10% for a
/// creator's 1st and 2nd order of the month, 15% from the 3rd) and the holding period one day.
///
/// Every click comes from this machine, so the gateway tells tracking they share one address: on each
/// link the first human click is unique and later ones are duplicates (same IP within the hour).
///
/// | order | creator | how                 | amount | rank | commission      | refund | reversed          |
/// |-------|---------|---------------------|--------|------|-----------------|--------|-------------------|
/// | A1    | Ava     | click (1st)         | 100.00 | 1    | 10% → 10.00     |        |                   |
/// | A2    | Ava     | click (duplicate)   | 200.00 | 2    | 10% → 20.00     | 50.00  | 20 × 50/200 = 5.00|
/// | A3    | Ava     | promo code avagreen | 300.00 | 3    | 15% → 45.00     |        |                   |
/// | B1    | Ben     | promo code BENBAKES |  80.00 | 1    | 10% →  8.00     | 80.00  | all: 8.00         |
/// | C1    | Cleo    | click               |  40.00 | 1    | 10% →  4.00     |        |                   |
/// | X1    | —       | the bot's click     |  60.00 | —    | unattributed (bot_click)                     |
/// | U1    | —       | nothing             | 500.00 | —    | unattributed (no_click_or_code)              |
///
/// Commission accrued 10+20+45+8+4 = 87.00, reversed 5+8 = 13.00, net 74.00 (Ava 70, Ben 0, Cleo 4).
/// Two days later (the shared clock moved) it is released, paid in one run (Ava 70.00, Cleo 4.00), and
/// the provider pays Ava's line and fails Cleo's, whose 4.00 returns to her available balance.
/// </summary>
public sealed partial class BrandJourneyTests(JourneySystem system) : IClassFixture<JourneySystem>
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    [Fact]
    public async Task A_brand_runs_a_tiered_campaign_from_applications_to_a_settled_payout_run()
    {
        var brand = await Brand.BootstrapAsync(Http, system.Gateway, system.OperatorKey);

        // Creators apply with their figures, one reports new stats, the brand approves them.
        var ava = await brand.ApplyAsync("Ava Green", "avagreen", followers: 25_000, likes: 1_000, comments: 250);
        var ben = await brand.ApplyAsync("Ben Okafor", "benbakes", followers: 8_000, likes: 400, comments: 80);
        var cleo = await brand.ApplyAsync("Cleo Marsh", "cleoruns", followers: 150_000, likes: 4_500, comments: 300);
        Assert.Equal(("applied", "micro", 0.05m), Profile(ava));      // (1000 + 250) / 25,000
        Assert.Equal(("applied", "nano", 0.06m), Profile(ben));       // (400 + 80) / 8,000
        Assert.Equal(("applied", "macro", 0.032m), Profile(cleo));    // (4500 + 300) / 150,000
        var benGrown = await brand.Manager.SendAsync(HttpMethod.Post, $"/api/creators/{Id(ben)}/social-stats", new
        {
            platform = "instagram", handle = "benbakes", followers = 12_000, averageLikes = 540, averageComments = 60,
        });
        Assert.Equal("micro", benGrown.GetProperty("tier").GetString()); // 12,000 ≥ 10,000
        Assert.Equal(0.05m, benGrown.GetProperty("engagementRate").GetDecimal()); // (540 + 60) / 12,000
        var benTiers = await brand.Manager.SendAsync(HttpMethod.Get, $"/api/creators/{Id(ben)}/tier-history");
        Assert.Contains(Items(benTiers), move => move.GetProperty("fromTier").GetString() == "nano" && move.GetProperty("toTier").GetString() == "micro");
        foreach (var creator in new[] { ava, ben, cleo })
        {
            var approved = await brand.Manager.SendAsync(HttpMethod.Post, $"/api/creators/{Id(creator)}/approve");
            Assert.Equal("approved", approved.GetProperty("status").GetString());
        }

        // Finance records where each creator is paid (payouts learns it from the creators' events).
        await PayoutSteps.SetPayoutProfileAsync(brand, Id(ava), "PP-AVA-001");
        await PayoutSteps.SetPayoutProfileAsync(brand, Id(cleo), "PP-CLEO-001");

        // The campaign with a tiered plan launches; the creators are invited and accept.
        var campaignId = await brand.LaunchTieredCampaignAsync();
        foreach (var creator in new[] { ava, ben, cleo })
        {
            await brand.EnrollAsync(campaignId, Id(creator));
        }

        // Tracking issues a link and a promo code per enrollment.
        var links = await brand.ItemsOnceAsync("/api/links", 3);
        var codes = await brand.ItemsOnceAsync("/api/promo-codes", 3);
        Assert.Equal(["AVAGREEN", "BENBAKES", "CLEORUNS"], codes.Select(c => c.GetProperty("code").GetString()).Order());
        string LinkOf(JsonElement creator) => links.Single(l => l.GetProperty("creatorId").GetGuid() == Id(creator)).GetProperty("code").GetString()!;

        // Shoppers (and one crawler) follow the links; the shop keeps each amb_cid.
        using var visitor = new Visitor(system.Gateway);
        var answeredBefore = await brand.ClicksAnsweredAsync(); // the system's other tests click too
        var avaFirst = await visitor.ClickAsync(LinkOf(ava), Visitor.Browser);
        var avaAgain = await visitor.ClickAsync(LinkOf(ava), Visitor.Browser);
        var bot = await visitor.ClickAsync(LinkOf(ava), Visitor.Crawler);
        await visitor.ClickAsync(LinkOf(ben), Visitor.Browser);
        var cleoFirst = await visitor.ClickAsync(LinkOf(cleo), Visitor.Browser);
        await visitor.ClickAsync(LinkOf(cleo), Visitor.Browser);
        Assert.StartsWith("https://shop.example.com/spring?ref=e2e&", avaFirst.Location.ToString());
        Assert.Contains("utm_content=avagreen", avaFirst.Location.ToString());
        await brand.ClicksStoredAsync(expected: answeredBefore + 6);

        // The shop posts its orders (in this order, so ranks follow the table above) and two refunds.
        var orderedAt = DateTimeOffset.UtcNow.AddSeconds(-1);
        var a1 = await brand.OrderAsync("A1", 100.00m, orderedAt, clickId: avaFirst.ClickId);
        var a2 = await brand.OrderAsync("A2", 200.00m, orderedAt, clickId: avaAgain.ClickId);
        var a3 = await brand.OrderAsync("A3", 300.00m, orderedAt, promoCode: "avagreen");
        var b1 = await brand.OrderAsync("B1", 80.00m, orderedAt, promoCode: "BENBAKES");
        var c1 = await brand.OrderAsync("C1", 40.00m, orderedAt, clickId: cleoFirst.ClickId);
        var x1 = await brand.OrderAsync("X1", 60.00m, orderedAt, clickId: bot.ClickId);
        var u1 = await brand.OrderAsync("U1", 500.00m, orderedAt);
        Assert.Equal(("attributed", "click", 1), Attribution(a1));
        Assert.Equal(("attributed", "click", 2), Attribution(a2));
        Assert.Equal(("attributed", "promo_code", 3), Attribution(a3));
        Assert.Equal(("attributed", "promo_code", 1), Attribution(b1));
        Assert.Equal(("attributed", "click", 1), Attribution(c1));
        Assert.Equal(("unattributed", "bot_click"), (x1.GetProperty("status").GetString(), x1.GetProperty("reason").GetString()));
        Assert.Equal(("unattributed", "no_click_or_code"), (u1.GetProperty("status").GetString(), u1.GetProperty("reason").GetString()));
        Assert.Equal(Id(ava), a1.GetProperty("creatorId").GetGuid());
        Assert.Equal(Id(ben), b1.GetProperty("creatorId").GetGuid());
        Assert.Equal(campaignId, c1.GetProperty("campaignId").GetGuid());

        var partialRefund = await brand.RefundAsync("A2", "A2-r1", 50.00m);
        var fullRefund = await brand.RefundAsync("B1", "B1-r1", 80.00m);
        Assert.Equal((50.00m, false), (partialRefund.GetProperty("cumulativeRefunded").GetDecimal(), partialRefund.GetProperty("fullyRefunded").GetBoolean()));
        Assert.Equal((80.00m, true), (fullRefund.GetProperty("cumulativeRefunded").GetDecimal(), fullRefund.GetProperty("fullyRefunded").GetBoolean()));
        await AssertPartnerKeyCannotReadAsync(brand);

        // Tracking's list, as the analyst reads it.
        var conversions = (await brand.Analyst.SendAsync(HttpMethod.Get, "/api/conversions?limit=200")).GetProperty("items").EnumerateArray()
            .ToDictionary(c => c.GetProperty("orderId").GetString()!, c => (c.GetProperty("status").GetString(), c.GetProperty("amount").GetDecimal(), c.GetProperty("refundedAmount").GetDecimal(), c.GetProperty("fullyRefunded").GetBoolean()));
        Assert.Equal(new Dictionary<string, (string?, decimal, decimal, bool)>
        {
            ["A1"] = ("attributed", 100.00m, 0m, false),
            ["A2"] = ("attributed", 200.00m, 50.00m, false),
            ["A3"] = ("attributed", 300.00m, 0m, false),
            ["B1"] = ("attributed", 80.00m, 80.00m, true),
            ["C1"] = ("attributed", 40.00m, 0m, false),
            ["X1"] = ("unattributed", 60.00m, 0m, false),
            ["U1"] = ("unattributed", 500.00m, 0m, false),
        }, conversions);

        // The ledger accrues and reverses within the holding period: all of it is pending.
        await brand.StatementSettlesAsync(Id(ava), pending: 70.00m, available: 0m, entries: 4);   // 10 + 20 + 45 − 5; three accruals, one reversal
        await brand.StatementSettlesAsync(Id(ben), pending: 0m, available: 0m, entries: 2);       // 8 − 8
        await brand.StatementSettlesAsync(Id(cleo), pending: 4.00m, available: 0m, entries: 1);
        var early = await brand.Finance.SendAsync(HttpMethod.Post, "/api/payouts/release");
        Assert.Equal(0, early.GetProperty("released").GetInt32()); // nothing is due before a day has passed

        // Two days later (holding period: one day) the finance team releases what is due.
        system.MoveClock(TimeSpan.FromDays(2));
        var release = await Eventually.UntilAsync(
            _ => brand.Finance.SendAsync(HttpMethod.Post, "/api/payouts/release"), r => r.GetProperty("released").GetInt32() > 0, "the payouts clock to move on");
        Assert.Equal(5, release.GetProperty("released").GetInt32()); // A1, A2, A3, B1 (nothing left to move), C1
        Assert.Equal(74.00m, release.GetProperty("amounts").EnumerateArray().Single(a => a.GetProperty("currency").GetString() == "USD").GetProperty("amount").GetDecimal()); // 10 + (20 − 5) + 45 + (8 − 8) + 4

        // Ava: three accruals, one reversal, three releases of two entries each.
        var avaStatement = await brand.StatementAsync(Id(ava));
        Assert.Equal((0m, 70.00m, 0m, 70.00m), Balances(avaStatement.GetProperty("closing")));
        Assert.Equal(10, avaStatement.GetProperty("entries").GetArrayLength()); // 3 + 1 + 3 × 2
        Assert.Equal([10.00m, 15.00m, 45.00m], avaStatement.GetProperty("entries").EnumerateArray()
            .Where(e => e.GetProperty("account").GetString() == "creator_available").Select(e => e.GetProperty("amount").GetDecimal()).Order());
        Assert.Equal((0m, 0m, 0m, 0m), Balances((await brand.StatementAsync(Id(ben))).GetProperty("closing")));
        Assert.Equal((0m, 4.00m, 0m, 4.00m), Balances((await brand.StatementAsync(Id(cleo))).GetProperty("closing")));

        // Trial balance, USD, after the release: accrued 87 (expense debit, pending credit), reversed 13 (back), released 74 (pending → available).
        var atRelease = await TrialBalanceAsync(brand);
        Assert.Equal(new Dictionary<string, (decimal, decimal, decimal)>
        {
            ["commission_expense"] = (87.00m, 13.00m, 74.00m),
            ["creator_pending"] = (87.00m, 87.00m, 0m),           // debits: 13 reversed + 74 released
            ["creator_available"] = (0m, 74.00m, -74.00m),
        }, atRelease.Accounts);
        Assert.Equal((174.00m, 174.00m, 0m), atRelease.Totals);

        // Analytics, as the analyst reads it.
        var summary = await brand.SettledAsync($"/api/analytics/campaigns/{campaignId}/summary", s => Metric(s, "commission") == 74.00m && Metric(s, "refunds") == 130.00m && Metric(s, "clicks") == 6m);
        Assert.Equal(ExpectedCampaignMetrics, Metrics(summary));
        Assert.Equal((1000m, 74.00m, 926.00m), (summary.GetProperty("budget").GetDecimal(), summary.GetProperty("budgetConsumed").GetDecimal(), summary.GetProperty("budgetRemaining").GetDecimal()));

        var leaderboard = await brand.SettledAsync("/api/analytics/leaderboard?minClicks=0", l => Items(l).Count() == 3);
        Assert.Equal(
            [
                // rank, name, tier, clicks, unique, bots, conversions, revenue, refunds, net revenue, commission
                (1, "Ava Green", "micro", 3L, 1L, 1L, 3L, 600.00m, 50.00m, 550.00m, 70.00m),
                (2, "Ben Okafor", "micro", 1L, 1L, 0L, 1L, 80.00m, 80.00m, 0m, 0m),
                (3, "Cleo Marsh", "macro", 2L, 1L, 0L, 1L, 40.00m, 0m, 40.00m, 4.00m),
            ],
            Items(leaderboard).Select(LeaderboardRow).ToList());

        // The payout run for the period up to now (service time), approved by a second key, exported,
        // and settled by the provider: Ava's 70.00 paid, Cleo's 4.00 failed (returned to available).
        var batch = await PayoutSteps.RunAsync(brand, DateTimeOffset.UtcNow.AddDays(2));
        var batchId = batch.GetProperty("id").GetGuid();
        Assert.Equal(("USD", "draft", 74.00m, 2), (batch.GetProperty("currency").GetString(), batch.GetProperty("status").GetString(), batch.GetProperty("total").GetDecimal(), batch.GetProperty("lineCount").GetInt32()));
        await PayoutSteps.ApproveAsync(brand, batchId);
        var file = await PayoutSteps.ExportAsync(brand, batchId);
        Assert.Equal(("PP-AVA-001", "70.00"), (file[Id(ava)].Payee, file[Id(ava)].Amount));
        Assert.Equal(("PP-CLEO-001", "4.00"), (file[Id(cleo)].Payee, file[Id(cleo)].Amount));
        Assert.Equal(2, file.Count);
        await PayoutSteps.SettleAsync(brand.Finance, batchId,
            "line_id,status,amount,currency,provider_reference,failure_reason\r\n" +
            $"{file[Id(ava)].LineId},paid,70.00,USD,PAYPAL-TX-1001,\r\n" +
            $"{file[Id(cleo)].LineId},failed,4.00,USD,,Receiver account closed\r\n");

        var reconciliation = await brand.Finance.SendAsync(HttpMethod.Get, $"/api/payouts/batches/{batchId}/reconciliation");
        Assert.Equal("settled", reconciliation.GetProperty("status").GetString()); // every line is final
        var outcomes = reconciliation.GetProperty("imports").EnumerateArray().Single().GetProperty("rows").EnumerateArray()
            .ToDictionary(r => r.GetProperty("creatorId").GetGuid(), r => (r.GetProperty("outcome").GetString(), r.GetProperty("expectedAmount").GetDecimal(), r.GetProperty("reportedAmount").GetDecimal()));
        Assert.Equal(new Dictionary<Guid, (string?, decimal, decimal)> { [Id(ava)] = ("paid", 70.00m, 70.00m), [Id(cleo)] = ("failed", 4.00m, 4.00m) }, outcomes);

        Assert.Equal((0m, 0m, 0m, 0m), Balances((await brand.StatementAsync(Id(ava))).GetProperty("closing")));      // all paid out
        Assert.Equal((0m, 4.00m, 0m, 4.00m), Balances((await brand.StatementAsync(Id(cleo))).GetProperty("closing"))); // back, for the next run

        // Trial balance, USD, at the end: accrued 87, reversed 13, released 74, batched 74 (available → in payout),
        // paid 70 (in payout → paid), failed 4 (in payout → available).
        var final = await TrialBalanceAsync(brand);
        Assert.Equal(new Dictionary<string, (decimal, decimal, decimal)>
        {
            ["commission_expense"] = (87.00m, 13.00m, 74.00m),
            ["creator_pending"] = (87.00m, 87.00m, 0m),
            ["creator_available"] = (74.00m, 78.00m, -4.00m),   // credits: 74 released + 4 returned
            ["creator_in_payout"] = (74.00m, 74.00m, 0m),
            ["payouts_paid"] = (0m, 70.00m, -70.00m),
        }, final.Accounts);
        Assert.Equal((322.00m, 322.00m, 0m), final.Totals); // 87 + 87 + 74 + 74 = 13 + 87 + 78 + 74 + 70
    }

    /// <summary>
    /// Clicks 6 (Ava 3, Ben 1, Cleo 2), unique 3 (the first on each link), bots 1; conversions 5 (A1 A2 A3 B1 C1),
    /// revenue 100+200+300+80+40 = 720, refunds 50+80 = 130, net 590, commission 74, no fees.
    /// </summary>
    private static readonly Dictionary<string, decimal?> ExpectedCampaignMetrics = new()
    {
        ["clicks"] = 6, ["uniqueClicks"] = 3, ["botClicks"] = 1, ["conversions"] = 5,
        ["revenue"] = 720.00m, ["refunds"] = 130.00m, ["netRevenue"] = 590.00m, ["commission"] = 74.00m, ["fees"] = 0m, ["gifts"] = 0m,
        ["conversionRate"] = 1.666667m,     // 5 / 3 (promo-code orders have no click of their own)
        ["earningsPerClick"] = 24.6667m,    // 74 / 3
        ["revenuePerClick"] = 240.0000m,    // 720 / 3
        ["averageOrderValue"] = 144.0000m,  // 720 / 5
        ["roas"] = 7.972973m,               // 590 / 74 = 7.9729729…
        ["costPerAcquisition"] = 14.8000m,  // 74 / 5
    };

    private static async Task<(Dictionary<string, (decimal, decimal, decimal)> Accounts, (decimal, decimal, decimal) Totals)> TrialBalanceAsync(Brand brand)
    {
        var usd = (await brand.Finance.SendAsync(HttpMethod.Get, "/api/ledger/trial-balance")).GetProperty("currencies").EnumerateArray().Single();
        Assert.Equal("USD", usd.GetProperty("currency").GetString());
        var accounts = usd.GetProperty("lines").EnumerateArray().ToDictionary(
            l => l.GetProperty("account").GetString()!, l => (l.GetProperty("debits").GetDecimal(), l.GetProperty("credits").GetDecimal(), l.GetProperty("balance").GetDecimal()));
        return (accounts, (usd.GetProperty("totalDebits").GetDecimal(), usd.GetProperty("totalCredits").GetDecimal(), usd.GetProperty("net").GetDecimal()));
    }

    private static async Task AssertPartnerKeyCannotReadAsync(Brand brand)
    {
        var (status, _) = await brand.Partner.SendRawAsync(HttpMethod.Get, "/api/conversions");
        Assert.Equal(HttpStatusCode.Forbidden, status);
    }

    private static Guid Id(JsonElement resource) => resource.GetProperty("id").GetGuid();

    private static IEnumerable<JsonElement> Items(JsonElement page) =>
        page.ValueKind == JsonValueKind.Array ? page.EnumerateArray() : page.GetProperty("items").EnumerateArray();

    private static (string?, string?, decimal) Profile(JsonElement creator) =>
        (creator.GetProperty("status").GetString(), creator.GetProperty("tier").GetString(), creator.GetProperty("engagementRate").GetDecimal());

    private static (string?, string?, int) Attribution(JsonElement conversion) =>
        (conversion.GetProperty("status").GetString(), conversion.GetProperty("method").GetString(), conversion.GetProperty("rankInMonth").GetInt32());

    private static (decimal, decimal, decimal, decimal) Balances(JsonElement b) =>
        (b.GetProperty("pending").GetDecimal(), b.GetProperty("available").GetDecimal(), b.GetProperty("inPayout").GetDecimal(), b.GetProperty("total").GetDecimal());

    private static decimal? Metric(JsonElement view, string name) =>
        view.GetProperty("metrics").GetProperty(name) is { ValueKind: JsonValueKind.Number } value ? value.GetDecimal() : null;

    private static Dictionary<string, decimal?> Metrics(JsonElement view) =>
        view.GetProperty("metrics").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.Number ? p.Value.GetDecimal() : (decimal?)null);

    private static (int, string?, string?, long, long, long, long, decimal, decimal, decimal, decimal) LeaderboardRow(JsonElement row)
    {
        var m = row.GetProperty("metrics");
        return (row.GetProperty("rank").GetInt32(), row.GetProperty("displayName").GetString(), row.GetProperty("tier").GetString(),
            m.GetProperty("clicks").GetInt64(), m.GetProperty("uniqueClicks").GetInt64(), m.GetProperty("botClicks").GetInt64(), m.GetProperty("conversions").GetInt64(),
            m.GetProperty("revenue").GetDecimal(), m.GetProperty("refunds").GetDecimal(), m.GetProperty("netRevenue").GetDecimal(), m.GetProperty("commission").GetDecimal());
    }
}

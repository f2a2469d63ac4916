using System.Text.Json;

namespace AmbassadorNet.Demo;

/// <summary>What the brand's dashboards now show, read back through the API once analytics has caught up.</summary>
public static class Report
{
    public static async Task PrintAsync(SeedResult result, TextWriter output)
    {
        var analyst = result.Keys.Analyst;
        output.WriteLine();
        output.WriteLine("Campaign summaries (analytics):");
        output.WriteLine($"  {"campaign",-24} {"clicks",7} {"unique",7} {"bots",5} {"conv",5} {"revenue",11} {"refunds",9} {"commission",11} {"fees",7} {"ROAS",8}");
        foreach (var campaign in result.Campaigns)
        {
            var attributed = result.Orders.Values.Count(o => o.Status == "attributed" && o.CampaignId == campaign.Id);
            var summary = await SettledAsync(analyst, $"/api/analytics/campaigns/{campaign.Id}/summary", s => Metric(s, "conversions") == attributed);
            var m = summary.GetProperty("metrics");
            output.WriteLine($"  {campaign.Name,-24} {m.GetProperty("clicks"),7} {m.GetProperty("uniqueClicks"),7} {m.GetProperty("botClicks"),5} {m.GetProperty("conversions"),5} " +
                             $"{m.GetProperty("revenue"),11} {m.GetProperty("refunds"),9} {m.GetProperty("commission"),11} {m.GetProperty("fees"),7} {Text(m.GetProperty("roas")),8}");
        }

        var leaderboard = await analyst.GetAsync("/api/analytics/leaderboard?minClicks=0&limit=5");
        output.WriteLine();
        output.WriteLine($"Leaderboard by revenue (top 5 of {leaderboard.GetProperty("total")}):");
        foreach (var row in leaderboard.GetProperty("items").EnumerateArray())
        {
            var m = row.GetProperty("metrics");
            output.WriteLine($"  {row.GetProperty("rank"),2}. {row.GetProperty("displayName").GetString(),-18} {row.GetProperty("tier").GetString(),-8} " +
                             $"{m.GetProperty("conversions"),3} orders  revenue {m.GetProperty("revenue"),9}  commission {m.GetProperty("commission"),8}");
        }

        await TopPostsAsync(result, output);
        await ExperimentsAsync(result, output);

        var tiers = await analyst.GetAsync("/api/analytics/tiers");
        output.WriteLine();
        output.WriteLine("Tiers: " + string.Join(", ", tiers.GetProperty("items").EnumerateArray().Select(t =>
            $"{t.GetProperty("tier").GetString()} {t.GetProperty("creators")} creators (engagement {Text(t.GetProperty("averageEngagementRate"))})")));

        var trial = await result.Keys.Finance.GetAsync("/api/ledger/trial-balance");
        output.WriteLine();
        output.WriteLine("Trial balance (payouts ledger):");
        foreach (var currency in trial.GetProperty("currencies").EnumerateArray())
        {
            foreach (var line in currency.GetProperty("lines").EnumerateArray())
            {
                output.WriteLine($"  {currency.GetProperty("currency").GetString()} {line.GetProperty("account").GetString(),-24} balance {line.GetProperty("balance"),10}");
            }

            output.WriteLine($"  {currency.GetProperty("currency").GetString()} {"net",-24} {currency.GetProperty("net"),18}");
        }

        output.WriteLine();
        output.WriteLine($"Brand {result.BrandId}");
        output.WriteLine($"  admin key:   {result.Keys.Admin.Key}");
        output.WriteLine($"  analyst key: {result.Keys.Analyst.Key}");
        output.WriteLine($"  finance key: {result.Keys.Finance.Key}");
        output.WriteLine($"  partner key: {result.Keys.Partner.Key}");
    }

    /// <summary>
    /// What the posts' own links and codes brought, read per post once analytics has counted every order
    /// attributed to a post; the five best by revenue with their latest counts from the campaigns service.
    /// </summary>
    private static async Task TopPostsAsync(SeedResult result, TextWriter output)
    {
        if (result.Posts.Count == 0)
        {
            return;
        }

        var ids = result.Posts.Select(p => p.Id).ToHashSet();
        var expected = result.Orders.Values.Count(o => o.PostId is { } id && ids.Contains(id)); // the experiments' posts are reported apart
        var deadline = DateTime.UtcNow.AddMinutes(2);
        string? previous = null;
        List<(RecordedPost Post, JsonElement Figures)> rows;
        while (true)
        {
            rows = [];
            foreach (var post in result.Posts)
            {
                rows.Add((post, (await result.Keys.Analyst.GetAsync($"/api/analytics/posts/{post.Id}/summary")).GetProperty("figures")));
            }

            var text = string.Join(',', rows.Select(r => r.Figures.GetRawText()));
            if ((rows.Sum(r => r.Figures.GetProperty("conversions").GetInt64()) == expected && text == previous) || DateTime.UtcNow > deadline)
            {
                break;
            }

            previous = text;
            await Task.Delay(1_500);
        }

        decimal Sum(string figure) => rows.Sum(r => r.Figures.GetProperty(figure).GetDecimal());
        output.WriteLine();
        output.WriteLine($"Posts of {result.Campaigns[0].Name} (analytics): {rows.Count} posts, {Sum("clicks")} clicks, {Sum("conversions")} orders, " +
                         $"revenue {Sum("revenue")}, gifts {Sum("gifts")}; top 5 by revenue:");
        output.WriteLine($"  {"creator",-18} {"post",-22} {"published",-10} {"clicks",6} {"conv",4} {"revenue",8} {"gifts",6} {"views",9} {"engagement",10}");
        foreach (var (post, f) in rows.OrderByDescending(r => r.Figures.GetProperty("revenue").GetDecimal()).ThenBy(r => r.Post.Plan.Index).Take(5))
        {
            var metrics = await result.Keys.Analyst.GetAsync($"/api/posts/{post.Id}/metrics");
            var views = metrics.GetProperty("latest") is { ValueKind: JsonValueKind.Object } latest ? latest.GetProperty("lifetime").GetProperty("views").ToString() : "—";
            output.WriteLine($"  {post.Plan.Enrollment.Creator.Name,-18} {post.Plan.Platform + " " + post.Plan.Format,-22} {post.PublishedAt:yyyy-MM-dd} {f.GetProperty("clicks"),6} " +
                             $"{f.GetProperty("conversions"),4} {f.GetProperty("revenue"),8} {f.GetProperty("gifts"),6} {views,9} {Text(metrics.GetProperty("engagementRate")),10}");
        }
    }

    /// <summary>Each experiment's report once analytics has counted its orders: per variant, and its conclusion.</summary>
    private static async Task ExperimentsAsync(SeedResult result, TextWriter output)
    {
        foreach (var experiment in result.Experiments)
        {
            var report = await SettledAsync(result.Keys.Analyst, $"/api/analytics/experiments/{experiment.Id}/report",
                r => r.GetProperty("variants").EnumerateArray().Sum(v => v.GetProperty("orders").GetInt64()) == experiment.Orders);
            output.WriteLine();
            output.WriteLine($"Experiment \"{experiment.Name}\" (α {report.GetProperty("significanceLevel")}, {report.GetProperty("assignment").GetString()} assignment):");
            output.WriteLine($"  {"variant",-24} {"posts",5} {"clicks",6} {"orders",6} {"conversion (95% interval)",-28} {"revenue/post",12} {"vs control",-16} {"adj. p",8}");
            foreach (var v in report.GetProperty("variants").EnumerateArray())
            {
                var interval = v.GetProperty("conversionRateLow").ValueKind == JsonValueKind.Null ? "" : $" ({v.GetProperty("conversionRateLow")}–{v.GetProperty("conversionRateHigh")})";
                output.WriteLine($"  {v.GetProperty("name").GetString(),-24} {v.GetProperty("posts"),5} {v.GetProperty("clicks"),6} {v.GetProperty("orders"),6} " +
                                 $"{Text(v.GetProperty("conversionRate")) + interval,-28} {Text(v.GetProperty("revenuePerPost")),12} {v.GetProperty("comparison").GetString(),-16} " +
                                 $"{Text(v.GetProperty("adjustedPValue")),8}");
            }

            output.WriteLine($"  {report.GetProperty("conclusion").GetString()}");
        }
    }

    private static decimal? Metric(JsonElement view, string name) =>
        view.GetProperty("metrics").GetProperty(name) is { ValueKind: JsonValueKind.Number } value ? value.GetDecimal() : null;

    private static string Text(JsonElement value) => value.ValueKind == JsonValueKind.Null ? "—" : value.ToString();

    /// <summary>Waits (up to two minutes) until the view shows what was sent and has stopped changing.</summary>
    private static async Task<JsonElement> SettledAsync(ApiClient client, string path, Func<JsonElement, bool> done)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        string? previous = null;
        while (true)
        {
            var view = await client.GetAsync(path);
            var text = view.GetRawText();
            if ((done(view) && text == previous) || DateTime.UtcNow > deadline)
            {
                return view;
            }

            previous = text;
            await Task.Delay(1_500);
        }
    }
}

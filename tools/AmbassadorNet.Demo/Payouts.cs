using System.Net;
using System.Text;
using System.Text.Json;

namespace AmbassadorNet.Demo;

/// <summary>
/// The finance team's month end: wait until the ledger has booked everything the shop sent, release
/// what is due, run payouts, approve as a second person, export the provider file and import the
/// provider's answer (every line paid but the smallest, whose payee account turns out to be closed).
/// </summary>
public static class Payouts
{
    /// <summary>The ledger has caught up when its totals stop moving (commission, reversals and fees arrive as events).</summary>
    public static async Task LedgerSettledAsync(ApiClient finance)
    {
        string? previous = null;
        var stableReads = 0;
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (stableReads < 3 && DateTime.UtcNow < deadline)
        {
            var totals = (await finance.GetAsync("/api/ledger/trial-balance")).GetRawText();
            stableReads = totals == previous ? stableReads + 1 : 0;
            previous = totals;
            await Task.Delay(2_000);
        }
    }

    public static Task SetProfilesAsync(ApiClient finance, IEnumerable<(Guid CreatorId, CreatorPlan Creator)> creators) =>
        Parallel.ForEachAsync(creators, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (c, _) =>
            await finance.SendAsync(HttpMethod.Put, $"/api/creators/{c.CreatorId}/payout-profile", new
            {
                method = c.Creator.Country == "US" ? "paypal" : "wise", currency = "USD", payeeReference = $"PAYEE-{c.Creator.Handle.ToUpperInvariant()}",
                taxFormStatus = c.Creator.Index % 10 == 0 ? "submitted" : "verified", // one in ten still waits for tax form review
            }));

    /// <summary>Returns a line for the report, or why payout runs could not be played.</summary>
    public static async Task<string> RunAsync(Keys keys)
    {
        JsonElement run;
        try
        {
            run = await keys.Finance.PostAsync("/api/payouts/runs", new { periodEnd = DateTimeOffset.UtcNow });
        }
        catch (HttpRequestException e) when (e.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed or HttpStatusCode.BadGateway)
        {
            return $"payout runs are not served by this system ({(int)e.StatusCode!}): stopped at released commission";
        }

        var excluded = run.GetProperty("excluded").EnumerateArray().GroupBy(x => x.GetProperty("reason").GetString()).Select(g => $"{g.Count()} {g.Key}");
        var batch = run.GetProperty("batches").EnumerateArray().FirstOrDefault();
        if (batch.ValueKind != JsonValueKind.Object)
        {
            return $"payout run created no batch (excluded: {string.Join(", ", excluded)})";
        }

        var batchId = batch.GetProperty("id").GetGuid();
        await keys.Admin.PostAsync($"/api/payouts/batches/{batchId}/approve"); // another member: four eyes
        var file = await keys.Finance.GetTextAsync($"/api/payouts/batches/{batchId}/export.csv");
        var lines = file.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')).ToList();
        var settlement = new StringBuilder("line_id,status,amount,currency,provider_reference,failure_reason\r\n");
        var failing = lines.OrderBy(f => decimal.Parse(f[2], System.Globalization.CultureInfo.InvariantCulture)).ThenBy(f => f[1], StringComparer.Ordinal).FirstOrDefault();
        foreach (var f in lines)
        {
            if (f == failing)
            {
                settlement.Append(f[0]).Append(",failed,").Append(f[2]).Append(',').Append(f[3]).Append(",,Payee account closed\r\n");
            }
            else
            {
                settlement.Append(f[0]).Append(",paid,").Append(f[2]).Append(',').Append(f[3]).Append(",TX-").Append(f[0][..8].ToUpperInvariant()).Append(",\r\n");
            }
        }

        await keys.Finance.PostTextAsync($"/api/payouts/batches/{batchId}/settlement", settlement.ToString(), "text/csv");
        var reconciliation = await keys.Finance.GetAsync($"/api/payouts/batches/{batchId}/reconciliation");
        var outcomes = reconciliation.GetProperty("imports").EnumerateArray().SelectMany(i => i.GetProperty("rows").EnumerateArray())
            .GroupBy(r => r.GetProperty("outcome").GetString()).Select(g => $"{g.Count()} {g.Key}");
        return $"payout run: one USD batch of {batch.GetProperty("lineCount")} lines, {batch.GetProperty("total")} USD; excluded {string.Join(", ", excluded)}; " +
               $"approved by Ada the admin, exported, settled by the provider: reconciliation {string.Join(", ", outcomes)}, batch {reconciliation.GetProperty("status").GetString()}";
    }
}

using AmbassadorNet.Analytics.Domain.PaidAds;
using AmbassadorNet.SharedKernel;

namespace AmbassadorNet.Analytics.Api.PaidAds;

/// <summary>A row of a request or a file: where it is (index or line), as sent, the day it enters when it is good, and its problems.</summary>
internal sealed record PaidAdRow(int Position, PaidAdDayRequest? Request, PaidAdEntry? Entry, FieldErrors Errors)
{
    public bool IsGood => Entry is not null && Errors.IsEmpty;
}

/// <summary>
/// What the JSON entry and the CSV import share once each row is checked on its own: the checks across
/// rows and against what is stored, then one statement that stores the good days.
/// </summary>
internal static class PaidAdRecording
{
    /// <summary>
    /// A day (campaign, channel, day) entered twice in one request is refused the second time: which
    /// figures would be meant is not clear. A campaign has one currency: the campaign's when its events
    /// have arrived here, else the currency of its other paid-ad days (those this request does not
    /// replace), else that of its first good row in the request.
    /// </summary>
    public static async Task CheckAcrossAsync(
        IReadOnlyList<PaidAdRow> rows, Func<int, string> where, AnalyticsDbContext db, PaidAdQueries queries, CancellationToken ct)
    {
        var seen = new Dictionary<PaidAdKey, int>();
        foreach (var row in rows.Where(r => r.IsGood))
        {
            row.Errors.Check(seen.TryAdd(row.Entry!.Key, row.Position), "day", $"{where(seen[row.Entry.Key])} already enters this campaign, channel and day.");
        }

        var good = rows.Where(r => r.IsGood).ToList();
        var ids = good.Select(r => r.Entry!.CampaignId).Distinct().ToList();
        if (ids.Count == 0)
        {
            return;
        }

        var known = await db.Campaigns.AsNoTracking().Where(c => ids.Contains(c.CampaignId) && c.Currency != "")
            .ToDictionaryAsync(c => c.CampaignId, c => c.Currency, ct);
        var unknown = ids.Where(id => !known.ContainsKey(id)).ToList();
        var others = unknown.Count == 0 ? [] : await queries.OtherDaysCurrenciesAsync(unknown, [.. good.Select(r => r.Entry!.Key)], ct);
        var stored = others.GroupBy(o => o.CampaignId).ToDictionary(g => g.Key, g => g.Select(o => o.Currency).ToList());
        var firstInRequest = new Dictionary<Guid, string>();
        foreach (var row in good)
        {
            var (campaign, currency) = (row.Entry!.CampaignId, row.Entry.Currency);
            (IReadOnlyList<string> expected, string whose) = known.TryGetValue(campaign, out var own) ? ([own], "the campaign's currency")
                : stored.TryGetValue(campaign, out var earlier) ? (earlier, "the currency of the campaign's other paid-ad days")
                : firstInRequest.TryGetValue(campaign, out var first) ? ([first], "the currency of an earlier row for this campaign")
                : ([currency], "");
            row.Errors.Check(expected.Contains(currency), "currency", $"{string.Join(", ", expected)}, {whose}: a campaign has one currency, and money is never converted.");
            firstInRequest.TryAdd(campaign, currency);
        }
    }

    /// <summary>Stores the good rows' days (each replacing the day it names) and returns the keys of those inserted or changed.</summary>
    public static Task<HashSet<PaidAdKey>> StoreAsync(IEnumerable<PaidAdRow> rows, PaidAdQueries queries, TimeProvider clock, CancellationToken ct)
    {
        var entries = rows.Where(r => r.IsGood).Select(r => r.Entry!).ToList();
        return entries.Count == 0 ? Task.FromResult(new HashSet<PaidAdKey>()) : queries.EnterAsync(entries, Instants.ToMicroseconds(clock.GetUtcNow()), ct);
    }

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}

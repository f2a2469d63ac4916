namespace AmbassadorNet.Analytics.Api.PaidAds;

/// <summary>Paid ads as JSON: enter days, list them, and the campaign report that sets creator content beside them.</summary>
internal static class PaidAdEndpoints
{
    public const int MaxRows = 100;

    /// <summary>1 to 100 days, stored all or none; each replaces the day (campaign, channel, day) it names. Problems are named rows[i].field.</summary>
    public static async Task<Ok<PaidAdsEntered>> EnterAsync(
        EnterPaidAdsRequest request, AnalyticsDbContext db, PaidAdQueries queries, TimeProvider clock, CancellationToken ct)
    {
        new FieldErrors().Check(request.Rows is { Count: > 0 and <= MaxRows }, "rows", $"1 to {MaxRows} paid-ad days; import a CSV file for more.").ThrowIfAny();
        var today = PaidAdRecording.Today(clock);
        var rows = request.Rows!.Select((day, i) =>
        {
            var errors = new FieldErrors();
            var entry = day is null ? null : PaidAdDayCheck.Check(day, today, errors);
            errors.Check(day is not null, "", "A paid-ad day.");
            return new PaidAdRow(i, day, entry, errors);
        }).ToList();
        await PaidAdRecording.CheckAcrossAsync(rows, i => $"rows[{i}]", db, queries, ct);

        var all = new FieldErrors();
        foreach (var row in rows)
        {
            foreach (var (field, messages) in row.Errors.ToDictionary())
            {
                Array.ForEach(messages, m => all.Add(field == "" ? $"rows[{row.Position}]" : $"rows[{row.Position}].{field}", m));
            }
        }

        all.ThrowIfAny();
        var changed = await PaidAdRecording.StoreAsync(rows, queries, clock, ct);
        var stored = (await queries.DaysAsync([.. rows.Select(r => r.Entry!.Key)], ct)).ToDictionary(d => new Domain.PaidAds.PaidAdKey(d.CampaignId, d.Channel, d.Day));
        return TypedResults.Ok(new PaidAdsEntered(changed.Count, rows.Count - changed.Count, [.. rows.Select(r => PaidAdDayRow.From(stored[r.Entry!.Key]))]));
    }

    public static async Task<Ok<PaidAdDaysPage>> ListAsync(
        string? campaignId, string? channel, string? from, string? to, string? offset, string? limit, PaidAdViews views, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var query = ListQuery.Read(campaignId, channel, from, to, errors);
        var (skip, take) = ViewQuery.Paging(offset, limit, errors);
        errors.ThrowIfAny();
        return TypedResults.Ok(await views.ListAsync(query.CampaignId, query.Channel, query.Range, skip, take, ct));
    }

    public static async Task<Ok<ContentVsPaidReport>> ContentVsPaidAsync(Guid id, string? from, string? to, PaidAdViews views, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var range = ViewQuery.Range(from, to, errors);
        errors.ThrowIfAny();
        return TypedResults.Ok(await views.ReportAsync(id, range, ct));
    }

    /// <summary>The list's filters, shared with its CSV export.</summary>
    internal sealed record ListQuery(Guid? CampaignId, string? Channel, DateRange Range)
    {
        public static ListQuery Read(string? campaignId, string? channel, string? from, string? to, FieldErrors errors)
        {
            errors.Check(channel is null || PaidAdDayCheck.IsChannel(channel), "channel", PaidAdDayCheck.ChannelRule);
            return new(ViewQuery.Id(campaignId, "campaignId", errors), PaidAdDayCheck.IsChannel(channel) ? channel : null, ViewQuery.Range(from, to, errors));
        }
    }
}

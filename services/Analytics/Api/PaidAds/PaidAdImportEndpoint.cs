using AmbassadorNet.ServiceDefaults.Files;

namespace AmbassadorNet.Analytics.Api.PaidAds;

/// <summary>
/// Paid-ad days in bulk from CSV (<see cref="PaidAdCsvRows"/>). Every row is checked, on its own and
/// against the campaign's currency, before anything is stored; problems are named by line and column.
/// Mode all-or-nothing (the default) stores only when every row is good, partial stores the good rows.
/// Each stored row replaces the day it names, as the JSON entry does.
/// </summary>
internal static class PaidAdImportEndpoint
{
    public const int MaxRows = 10_000;

    public static async Task<Ok<PaidAdImportReport>> ImportAsync(
        HttpRequest http, string? mode, AnalyticsDbContext db, PaidAdQueries queries, TimeProvider clock, CancellationToken ct)
    {
        mode = ImportModes.Parse(mode);
        var today = PaidAdRecording.Today(clock);
        var rows = (await ReadAsync(http, ct)).Select(r => new PaidAdRow(r.Line, r.Request, PaidAdDayCheck.Check(r.Request, today, r.Errors, r.Unreadable), r.Errors)).ToList();
        await PaidAdRecording.CheckAcrossAsync(rows, line => $"Line {line}", db, queries, ct);
        var rejected = rows.Count(r => !r.IsGood);
        if (rejected > 0 && mode == ImportModes.AllOrNothing)
        {
            throw ImportModes.Refused(rejected, rows.Count, Report(mode, rows, stored: false, []).Rows);
        }

        var changed = await PaidAdRecording.StoreAsync(rows, queries, clock, ct);
        return TypedResults.Ok(Report(mode, rows, stored: true, changed));
    }

    private static async Task<List<PaidAdCsvRow>> ReadAsync(HttpRequest http, CancellationToken ct)
    {
        using var reader = new StreamReader(new MemoryStream(await RequestFile.ReadAsync(http, ct)));
        var text = await reader.ReadToEndAsync(ct);
        try
        {
            var rows = PaidAdCsvRows.Read(new StringReader(text)).Take(MaxRows + 1).ToList();
            if (rows.Count == 0)
            {
                throw new RequestValidationException(RequestFile.Field, $"A CSV with a header row and at least one day; columns: {string.Join(", ", PaidAdCsvRows.Columns)}.");
            }

            return rows.Count <= MaxRows ? rows : throw new RequestValidationException(RequestFile.Field, $"At most {MaxRows} rows per import.");
        }
        catch (FormatException e)
        {
            throw new RequestValidationException(RequestFile.Field, e.Message);
        }
    }

    private static PaidAdImportReport Report(string mode, List<PaidAdRow> rows, bool stored, HashSet<Domain.PaidAds.PaidAdKey> changed)
    {
        var report = rows.Select(r => new PaidAdImportRow(
            r.Position,
            !r.IsGood ? "rejected" : !stored ? "valid" : changed.Contains(r.Entry!.Key) ? "recorded" : "unchanged",
            r.Request?.CampaignId, r.Request?.Channel, r.Request?.Day, r.Errors.IsEmpty ? null : r.Errors.ToDictionary())).ToList();
        return new PaidAdImportReport(mode, report.Count(r => r.Status == "recorded"), report.Count(r => r.Status == "unchanged"), report.Count(r => r.Status == "rejected"), report);
    }
}

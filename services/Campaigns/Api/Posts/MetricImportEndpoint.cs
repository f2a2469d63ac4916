using System.Globalization;
using AmbassadorNet.Campaigns.Domain.Posts;
using AmbassadorNet.ServiceDefaults.Files;

namespace AmbassadorNet.Campaigns.Api.Posts;

/// <summary>
/// Post metrics in bulk from CSV (a platform's export, one snapshot per row). Every row is checked
/// against the brand's posts before anything is stored; problems are named by line and column. Mode
/// all-or-nothing (the default) stores only when every row is good, partial stores the good rows.
/// Stored rows follow the same rule as one report: a day keeps its latest snapshot.
/// </summary>
internal static class MetricImportEndpoint
{
    public const int MaxRows = 10_000;

    private sealed record RowCheck(int Line, Post? Post, MetricSnapshot? Snapshot, FieldErrors Errors);

    public static async Task<Ok<MetricImportReport>> ImportAsync(HttpRequest http, string? mode, CampaignsDbContext db, TimeProvider clock, CancellationToken ct)
    {
        mode = ImportModes.Parse(mode);
        var rows = await ReadAsync(http, ct);
        var posts = await PostsOfAsync(db, rows, ct);
        var now = clock.GetUtcNow();
        var checks = rows.Select(row => Check(row, posts, now)).ToList();
        var rejected = checks.Count(c => !c.Errors.IsEmpty);
        if (rejected > 0 && mode == ImportModes.AllOrNothing)
        {
            throw ImportModes.Refused(rejected, checks.Count, Report(mode, checks, []).Rows);
        }

        var good = checks.Where(c => c.Errors.IsEmpty).Select(c => (c.Post!, c.Snapshot!)).ToList();
        var changed = good.Count == 0 ? [] : await MetricRecording.RecordAsync(db, good, clock, ct);
        return TypedResults.Ok(Report(mode, checks, changed));
    }

    private static async Task<List<MetricCsvRow>> ReadAsync(HttpRequest http, CancellationToken ct)
    {
        using var reader = new StreamReader(new MemoryStream(await RequestFile.ReadAsync(http, ct)));
        var text = await reader.ReadToEndAsync(ct);
        try
        {
            var rows = MetricCsvRows.Read(new StringReader(text)).Take(MaxRows + 1).ToList();
            if (rows.Count == 0)
            {
                throw new RequestValidationException(RequestFile.Field, $"A CSV with a header row and at least one snapshot; columns: {string.Join(", ", MetricCsvRows.Columns)}.");
            }

            return rows.Count <= MaxRows ? rows : throw new RequestValidationException(RequestFile.Field, $"At most {MaxRows} rows per import.");
        }
        catch (FormatException e)
        {
            throw new RequestValidationException(RequestFile.Field, e.Message);
        }
    }

    /// <summary>The brand's posts the file names, by id and by canonical URL, in two queries.</summary>
    private static async Task<(Dictionary<Guid, Post> ById, Dictionary<string, Post> ByUrl)> PostsOfAsync(CampaignsDbContext db, List<MetricCsvRow> rows, CancellationToken ct)
    {
        var ids = rows.Select(r => Guid.TryParse(r.PostId, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty).Distinct().ToList();
        var urls = rows.Select(r => CanonicalUrl(r.Url)).OfType<string>().Distinct().ToList();
        var byId = await db.Posts.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var byUrl = await db.Posts.AsNoTracking().Where(p => p.Url != null && urls.Contains(p.Url)).ToDictionaryAsync(p => p.Url!, ct);
        return (byId, byUrl);
    }

    private static RowCheck Check(MetricCsvRow row, (Dictionary<Guid, Post> ById, Dictionary<string, Post> ByUrl) posts, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        Post? post = null;
        if (row.PostId is not null)
        {
            post = Guid.TryParse(row.PostId, out var id) ? posts.ById.GetValueOrDefault(id) : null;
            errors.Check(post is not null, "post_id", "No post of this brand has this id.");
        }
        else
        {
            post = CanonicalUrl(row.Url) is { } url ? posts.ByUrl.GetValueOrDefault(url) : null;
            errors.Check(post is not null, "url", row.Url is null ? "Name the post by post_id or url." : "No post of this brand has this URL.");
        }

        var measuredAt = row.MeasuredAt is null ? null
            : DateTimeOffset.TryParse(row.MeasuredAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : (DateTimeOffset?)null;
        errors.Check(measuredAt is not null, "measured_at", "An ISO 8601 time such as 2026-12-01T18:00:00Z (a date alone is its midnight, UTC).");
        var counts = MetricCsvRows.CountColumns.ToDictionary(c => c, c => MetricCsvRows.Count(c, row.Counts[c], errors));
        if (!errors.IsEmpty)
        {
            return new RowCheck(row.Line, post, null, errors);
        }

        var request = new RecordMetricsRequest(measuredAt, counts["views"], counts["reach"], counts["likes"], counts["comments"], counts["shares"], counts["saves"]);
        var checkedErrors = new FieldErrors();
        var snapshot = MetricRecording.Check(post!, request, now, checkedErrors);
        foreach (var (field, messages) in checkedErrors.ToDictionary())
        {
            foreach (var message in messages)
            {
                errors.Add(field == "measuredAt" ? "measured_at" : field, message); // the file's column names
            }
        }

        return new RowCheck(row.Line, post, snapshot, errors);
    }

    private static string? CanonicalUrl(string? text) =>
        text is not null && Uri.TryCreate(text.Trim(), UriKind.Absolute, out var url) && url.Scheme == Uri.UriSchemeHttps ? PostUrls.Canonical(url) : null;

    /// <summary>Of several good rows for one post and day, the one that won is "recorded" when it changed the day; the rest are "unchanged".</summary>
    private static MetricImportReport Report(string mode, List<RowCheck> checks, HashSet<(Guid PostId, DateOnly Day)> changed)
    {
        var winners = checks.Where(c => c.Snapshot is not null).GroupBy(c => (c.Snapshot!.PostId, c.Snapshot.Day))
            .Select(g => g.MaxBy(c => MetricSnapshots.Rank(c.Snapshot!))!.Line).ToHashSet();
        var stored = mode == ImportModes.Partial || checks.All(c => c.Errors.IsEmpty);
        var rows = checks.Select(c => new MetricImportRow(
            c.Line,
            !c.Errors.IsEmpty ? "rejected"
            : !stored ? "valid"
            : winners.Contains(c.Line) && changed.Contains((c.Snapshot!.PostId, c.Snapshot.Day)) ? "recorded"
            : "unchanged",
            c.Post?.Id, c.Snapshot?.Day, c.Errors.IsEmpty ? null : c.Errors.ToDictionary())).ToList();
        return new MetricImportReport(mode, rows.Count(r => r.Status == "recorded"), rows.Count(r => r.Status == "unchanged"), rows.Count(r => r.Status == "rejected"), rows);
    }
}

using AmbassadorNet.Creators.Api;
using AmbassadorNet.ServiceDefaults.Files;
using Microsoft.AspNetCore.Http;

namespace AmbassadorNet.Creators.Import;

/// <summary>
/// Bulk onboarding of an existing network from CSV. Every row is validated, and checked for
/// duplicates within the file and against the brand's creators, before anything is written.
/// Mode "all-or-nothing" (the default) imports only if every row is good, otherwise answers 400 with
/// the report; mode "partial" imports the good rows and reports the rest. Either way the rows that
/// are imported go in one transaction, one CreatorApplied event each.
/// </summary>
internal static class ImportEndpoint
{
    public const int MaxRows = 5_000;

    public static async Task<Ok<ImportReport>> ImportAsync(HttpRequest http, string? mode, CreatorsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        mode = ImportModes.Parse(mode);
        var rows = await ReadAsync(http, cancellationToken);
        var now = clock.GetUtcNow();
        var checks = rows.Select(row => (row.Line, row.Request, Errors: Validate(row.Request, row.NumberError, now))).ToList();
        await MarkDuplicatesAsync(db, checks.Where(c => c.Errors.IsEmpty).Select(c => (c.Line, c.Request, c.Errors)).ToList(), cancellationToken);

        var rejected = checks.Count(c => !c.Errors.IsEmpty);
        if (rejected > 0 && mode == ImportModes.AllOrNothing)
        {
            throw ImportModes.Refused(rejected, checks.Count, Report(mode, checks, new Dictionary<int, Guid>()).Rows);
        }

        var created = new Dictionary<int, Guid>();
        // Only new graphs are added, so scanning every tracked entity after each Add buys nothing;
        // SaveChanges still detects changes once.
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        foreach (var (line, request, _) in checks.Where(c => c.Errors.IsEmpty))
        {
            var creator = ApplyEndpoint.NewCreator(db.CurrentBrandId, request, clock).AddTo(db);
            db.AddEvent(CreatorEventFactory.Applied(creator), clock);
            created[line] = creator.Id;
        }

        await db.SaveAsync(cancellationToken);
        return TypedResults.Ok(Report(mode, checks, created));
    }

    private static async Task<List<(int Line, ApplyRequest Request, string? NumberError)>> ReadAsync(HttpRequest http, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(new MemoryStream(await RequestFile.ReadAsync(http, cancellationToken)));
        var text = await reader.ReadToEndAsync(cancellationToken);
        try
        {
            var rows = CsvRows.Read(new StringReader(text)).Take(MaxRows + 1).ToList();
            if (rows.Count == 0)
            {
                throw new RequestValidationException("file", $"A CSV with a header row and at least one creator; columns: {string.Join(", ", CsvRows.Columns)}.");
            }

            return rows.Count <= MaxRows ? rows : throw new RequestValidationException("file", $"At most {MaxRows} rows per import.");
        }
        catch (FormatException e)
        {
            throw new RequestValidationException("file", e.Message);
        }
    }

    private static FieldErrors Validate(ApplyRequest request, string? numberError, DateTimeOffset now)
    {
        var errors = ApplyEndpoint.Validate(request, now);
        if (numberError is not null)
        {
            errors.Add("numbers", numberError);
        }

        return errors;
    }

    /// <summary>A row whose email or handle is taken, by the brand's creators or by an earlier row of the file, is rejected.</summary>
    private static async Task MarkDuplicatesAsync(CreatorsDbContext db, IReadOnlyList<(int Line, ApplyRequest Request, FieldErrors Errors)> rows, CancellationToken cancellationToken)
    {
        var emails = rows.Select(r => Creator.NormalizeEmail(r.Request.Email!)).ToList();
        var takenEmails = (await db.Creators.Where(c => emails.Contains(c.EmailNormalized!)).Select(c => c.EmailNormalized!).ToListAsync(cancellationToken)).ToHashSet();
        var handles = rows.SelectMany(r => r.Request.SocialAccounts ?? []).Select(a => SocialAccount.Normalize(a.Handle!)).ToList();
        var takenHandles = (await db.Accounts.Where(a => handles.Contains(a.HandleNormalized)).Select(a => new { a.Platform, a.HandleNormalized })
            .ToListAsync(cancellationToken)).Select(a => Key(a.Platform, a.HandleNormalized)).ToHashSet();

        foreach (var (line, request, errors) in rows)
        {
            errors.Check(takenEmails.Add(Creator.NormalizeEmail(request.Email!)), "email", "Another creator of this brand (or an earlier row) already has this email address.");
            foreach (var account in request.SocialAccounts ?? [])
            {
                var platform = SnakeCaseEnums.Parse<Platform>(account.Platform!);
                errors.Check(takenHandles.Add(Key(platform, SocialAccount.Normalize(account.Handle!))), "handle", "Another creator of this brand (or an earlier row) already has this handle on this platform.");
            }
        }
    }

    private static string Key(Platform platform, string handle) => $"{platform}:{handle}";

    private static ImportReport Report(string mode, IReadOnlyList<(int Line, ApplyRequest Request, FieldErrors Errors)> checks, IReadOnlyDictionary<int, Guid> created)
    {
        var rows = checks.Select(c => new ImportRowResult(
            c.Line,
            !c.Errors.IsEmpty ? "rejected" : created.ContainsKey(c.Line) ? "imported" : "valid",
            created.TryGetValue(c.Line, out var id) ? id : null,
            c.Errors.IsEmpty ? null : c.Errors.ToDictionary())).ToList();
        return new ImportReport(mode, created.Count, rows.Count(r => r.Status == "rejected"), rows);
    }
}

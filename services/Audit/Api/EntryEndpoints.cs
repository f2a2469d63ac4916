using AmbassadorNet.Persistence.Pagination;

namespace AmbassadorNet.Audit.Api;

internal static class EntryEndpoints
{
    /// <summary>Newest first: the chain's own order, reversed.</summary>
    public static readonly KeysetOrder<AuditEntry, long> NewestOrder = new("seq", e => e.Seq, e => e.Id, descending: true);

    public static async Task<Ok<EntryPage>> ListAsync(
        string? from, string? to, string? seq, string? service, string? action, string? memberId, string? keyId, string? subjectType, string? subjectId,
        string? cursor, int? limit, AuditDbContext db, CancellationToken ct)
    {
        var filter = EntryFilter.Read(from, to, seq, service, action, memberId, keyId, subjectType, subjectId, limit);
        var page = await filter.Apply(db.Entries.AsNoTracking()).ToPageAsync(NewestOrder, cursor, limit ?? 50, ct);
        var personal = await db.PersonalOfAsync(page.Items, ct);
        return TypedResults.Ok(new EntryPage([.. page.Items.Select(e => EntryView.From(e, personal.GetValueOrDefault(e.Id)))], page.NextCursor));
    }

    /// <summary>By id, not by seq: every brand has an entry 1, while an id names one entry of one brand.</summary>
    public static async Task<Ok<EntryView>> GetAsync(Guid id, AuditDbContext db, CancellationToken ct)
    {
        var entry = await db.Entries.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, ct)
            ?? throw new NotFoundException($"Audit entry {id} does not exist.");
        var personal = await db.Personal.AsNoTracking().SingleOrDefaultAsync(p => p.EntryId == entry.Id, ct);
        return TypedResults.Ok(EntryView.From(entry, personal));
    }

    public static async Task<FileContentHttpResult> CsvAsync(
        string? from, string? to, string? seq, string? service, string? action, string? memberId, string? keyId, string? subjectType, string? subjectId, int? limit,
        AuditDbContext db, CancellationToken ct)
    {
        var filter = EntryFilter.Read(from, to, seq, service, action, memberId, keyId, subjectType, subjectId, limit, EntriesCsv.MaxEntries);
        var entries = await filter.Apply(db.Entries.AsNoTracking()).OrderByDescending(e => e.Seq).Take(limit ?? EntriesCsv.MaxEntries).ToListAsync(ct);
        var personal = await db.PersonalOfAsync(entries, ct);
        return TypedResults.File(EntriesCsv.Write(entries, personal), EntriesCsv.ContentType, "audit-entries.csv");
    }

    private static async Task<Dictionary<Guid, AuditPersonal>> PersonalOfAsync(this AuditDbContext db, IReadOnlyList<AuditEntry> entries, CancellationToken ct)
    {
        var ids = entries.Where(e => e.PersonalHash is not null).Select(e => e.Id).ToList();
        return ids.Count == 0 ? [] : await db.Personal.AsNoTracking().Where(p => ids.Contains(p.EntryId)).ToDictionaryAsync(p => p.EntryId, ct);
    }
}

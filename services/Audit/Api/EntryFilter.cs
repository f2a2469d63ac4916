using System.Globalization;
using AmbassadorNet.Persistence.Pagination;

namespace AmbassadorNet.Audit.Api;

/// <summary>The query of GET /api/audit/entries (and .csv), read from strings so every malformed parameter is named in one 400.</summary>
internal sealed record EntryFilter(
    DateTimeOffset? From, DateTimeOffset? To, long? Seq, string? Service, string? Action, Guid? MemberId, Guid? KeyId, string? SubjectType, string? SubjectId)
{
    public static EntryFilter Read(
        string? from, string? to, string? seq, string? service, string? action, string? memberId, string? keyId, string? subjectType, string? subjectId, int? limit, int maxLimit = KeysetPagination.MaxLimit)
    {
        var errors = new FieldErrors().Check(limit is null || (limit >= 1 && limit <= maxLimit), "limit", $"Between 1 and {maxLimit}.");
        var filter = new EntryFilter(
            Time(errors, "from", from), Time(errors, "to", to), ParseSeq(errors, seq), service, action, Id(errors, "memberId", memberId), Id(errors, "keyId", keyId), subjectType, subjectId);
        errors.Check(filter.From is null || filter.To is null || filter.From <= filter.To, "to", "Must not be before from.");
        errors.ThrowIfAny();
        return filter;
    }

    /// <summary>from is inclusive, to exclusive, so consecutive ranges never list an entry twice.</summary>
    public IQueryable<AuditEntry> Apply(IQueryable<AuditEntry> query)
    {
        query = From is { } from ? query.Where(e => e.OccurredAt >= from) : query;
        query = To is { } to ? query.Where(e => e.OccurredAt < to) : query;
        query = Seq is { } seq ? query.Where(e => e.Seq == seq) : query;
        query = Service is { } service ? query.Where(e => e.Service == service) : query;
        query = Action is { } action ? query.Where(e => e.Action == action) : query;
        query = MemberId is { } member ? query.Where(e => e.CallerMemberId == member) : query;
        query = KeyId is { } key ? query.Where(e => e.CallerKeyId == key) : query;
        query = SubjectType is { } type ? query.Where(e => e.SubjectType == type) : query;
        return SubjectId is { } id ? query.Where(e => e.SubjectId == id) : query;
    }

    private static DateTimeOffset? Time(FieldErrors errors, string name, string? text)
    {
        if (text is null)
        {
            return null;
        }

        var valid = DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time);
        errors.Check(valid, name, "Must be a date and time (ISO 8601, e.g. 2026-12-01T00:00:00Z).");
        return valid ? time : null;
    }

    private static long? ParseSeq(FieldErrors errors, string? text)
    {
        if (text is null)
        {
            return null;
        }

        var valid = long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seq) && seq >= 1;
        errors.Check(valid, "seq", "A place in the chain: 1 or more.");
        return valid ? seq : null;
    }

    private static Guid? Id(FieldErrors errors, string name, string? text)
    {
        if (text is null)
        {
            return null;
        }

        errors.Check(Guid.TryParse(text, out var id), name, "Must be a UUID.");
        return id;
    }
}

using System.Globalization;
using System.Text.Json;
using AmbassadorNet.ServiceDefaults.Files;

namespace AmbassadorNet.Audit.Api;

/// <summary>
/// The entries as CSV: one row per changed field (before and after as JSON), personal fields marked
/// <c>personal</c>; an entry whose personal data was erased has a row with field <c>(personal)</c> and
/// the text erased. Values are JSON so a string "1" and a number 1 stay apart.
/// </summary>
internal static class EntriesCsv
{
    public const int MaxEntries = 10_000;
    public const string ContentType = CsvFile.ContentType;

    private static readonly string[] Header =
    [
        "seq", "occurred_at", "service", "request_id", "caller_kind", "caller_key_id", "caller_member_id", "caller_creator_id",
        "action", "method", "route", "subject_type", "subject_id", "operation", "field", "personal", "before", "after", "entry_hash",
    ];

    public static byte[] Write(IEnumerable<AuditEntry> entries, IReadOnlyDictionary<Guid, AuditPersonal> personal)
    {
        var csv = new CsvFile(Header);
        foreach (var entry in entries)
        {
            foreach (var (field, isPersonal, before, after) in Fields(entry, personal.GetValueOrDefault(entry.Id)))
            {
                csv.Row(
                    CsvCell.Of(entry.Seq.ToString(CultureInfo.InvariantCulture)), CsvCell.Of(entry.OccurredAt.ToString("O", CultureInfo.InvariantCulture)),
                    CsvCell.Of(entry.Service), CsvCell.Of(entry.RequestId), CsvCell.Of(entry.CallerKind), CsvCell.Of(entry.CallerKeyId?.ToString()),
                    CsvCell.Of(entry.CallerMemberId?.ToString()), CsvCell.Of(entry.CallerCreatorId?.ToString()), CsvCell.Of(entry.Action), CsvCell.Of(entry.Method),
                    CsvCell.Of(entry.Route), CsvCell.Of(entry.SubjectType), CsvCell.Of(entry.SubjectId), CsvCell.Of(entry.Operation), CsvCell.Of(field),
                    CsvCell.Of(isPersonal ? "true" : "false"), CsvCell.Of(before), CsvCell.Of(after), CsvCell.Of(EntryHashing.Hex(entry.EntryHash)));
            }
        }

        return csv.ToUtf8();
    }

    private static IEnumerable<(string Field, bool Personal, string? Before, string? After)> Fields(AuditEntry entry, AuditPersonal? personal)
    {
        using var changes = JsonDocument.Parse(entry.Changes);
        var rows = Rows(changes.RootElement, personal: false).ToList();
        if (personal is not null)
        {
            using var data = JsonDocument.Parse(personal.Data);
            rows.AddRange(Rows(data.RootElement.GetProperty("fields"), personal: true));
        }
        else if (entry.PersonalHash is not null)
        {
            rows.Add(("(personal)", true, EntryView.Erased, EntryView.Erased));
        }

        return rows;
    }

    private static IEnumerable<(string, bool, string?, string?)> Rows(JsonElement fields, bool personal) =>
        fields.EnumerateObject().Select(f => (f.Name, personal, Json(f.Value, "before"), Json(f.Value, "after")));

    private static string? Json(JsonElement change, string side) =>
        change.TryGetProperty(side, out var value) && value.ValueKind != JsonValueKind.Null ? value.GetRawText() : null;
}

using System.Globalization;
using AmbassadorNet.ServiceDefaults.Files;

namespace AmbassadorNet.Payouts.Api;

/// <summary>
/// The general ledger of a period as CSV: one line per entry posted in [from, to), debit or credit
/// in its own column, with the transaction, its cause and who caused it. Selected by posting time,
/// so an exported period never changes afterwards.
/// </summary>
internal static class ExportEndpoint
{
    private static readonly string[] Header =
    [
        "transaction_id", "posted_at", "occurred_at", "cause_type", "cause_id", "cause_ref", "account_kind", "creator_id", "currency",
        "debit", "credit", "caused_by_key_id", "caused_by_message_id", "caused_by_job", "description",
    ];

    public static async Task<FileContentHttpResult> ExportAsync(string? from, string? to, PayoutsDbContext db, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var (start, end) = (QueryParameters.Time(from, "from", errors), QueryParameters.Time(to, "to", errors));
        errors.Check(!string.IsNullOrWhiteSpace(from), "from", "The start of the period is required.");
        errors.Check(!string.IsNullOrWhiteSpace(to), "to", "The end of the period (exclusive) is required.");
        errors.Check(start is null || end is null || start < end, "to", "to must be after from.");
        errors.ThrowIfAny();

        var lines = await db.Lines().Where(l => l.Transaction.PostedAt >= start && l.Transaction.PostedAt < end)
            .OrderBy(l => l.Transaction.PostedAt).ThenBy(l => l.Transaction.Id).ThenByDescending(l => l.Entry.Amount).ToListAsync(ct);
        var csv = new CsvFile(Header);
        foreach (var l in lines)
        {
            var t = l.Transaction;
            csv.Row(
                t.Id, Time(t.PostedAt), Time(t.OccurredAt), t.CauseType, t.CauseId, t.CauseRef, SnakeCaseEnums.Name(l.Account.Kind),
                l.Account.CreatorId, l.Entry.Currency,
                l.Entry.Amount > 0 ? Amount(l.Entry.Amount) : CsvCell.Empty, l.Entry.Amount < 0 ? Amount(-l.Entry.Amount) : CsvCell.Empty,
                t.CausedByKeyId, t.CausedByMessageId, t.CausedByJob, t.Description);
        }

        return TypedResults.File(csv.ToUtf8(), CsvFile.ContentType);
    }

    private static string Time(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture);

    private static CsvCell Amount(decimal value) => CsvCell.Of(value, "0.####");
}

using System.Globalization;
using System.Security.Claims;
using AmbassadorNet.Payouts.Ledger;
using AmbassadorNet.Security;
using AmbassadorNet.ServiceDefaults.Files;
using Microsoft.Net.Http.Headers;

namespace AmbassadorNet.Payouts.Api;

/// <summary>The files exchanged with the payment provider: the batch export, its settlement file, and the reconciliation report.</summary>
internal static class BatchFileEndpoints
{
    /// <summary>Stable columns of the export (documented in docs/services/payouts.md); line_id is the provider's reference.</summary>
    public static readonly string[] ExportHeader = ["line_id", "payee_reference", "amount", "currency", "creator_id", "batch_id"];

    public static readonly string[] ReconciliationHeader =
        ["import_id", "imported_at", "file_line", "reference", "line_id", "creator_id", "outcome", "expected_amount", "reported_amount", "currency", "provider_reference", "failure_reason"];

    public sealed record ImportView(Guid ImportId, DateTimeOffset ImportedAt, string FileSha256, Guid ImportedByKeyId, IReadOnlyList<ReconciliationRow> Rows);

    public sealed record ReconciliationView(Guid BatchId, string Status, IReadOnlyList<ImportView> Imports);

    public static async Task<IResult> ExportAsync(Guid id, ClaimsPrincipal user, BatchLifecycle lifecycle, CancellationToken ct)
    {
        var (batch, lines) = await lifecycle.ExportAsync(id, user.GetApiKeyId(), ct);
        var amountFormat = "F" + Currency.Parse(batch.Currency).MinorUnits.ToString(CultureInfo.InvariantCulture);
        var csv = new CsvFile(ExportHeader);
        foreach (var line in lines)
        {
            csv.Row(line.Id, line.PayeeReference, CsvCell.Of(line.Amount, amountFormat), line.Currency, line.CreatorId, batch.Id);
        }

        return Results.File(csv.ToUtf8(), CsvFile.ContentType, $"payout-batch-{batch.Id}.csv");
    }

    /// <summary>The provider's result file as the request body (text/csv); the same file twice returns the first report and changes nothing.</summary>
    public static async Task<IResult> SettleAsync(Guid id, HttpRequest request, ClaimsPrincipal user, Settlement settlement, CancellationToken ct)
    {
        var keyId = user.RequiredKeyId();
        var file = await RequestFile.ReadAsync(request, ct);
        new FieldErrors().Check(file.Length > 0, RequestFile.Field, "The body must be the provider's settlement CSV.").ThrowIfAny();
        var import = await settlement.ImportAsync(id, file, keyId, ct);
        return TypedResults.Ok(View(import));
    }

    /// <summary>Every import's report; CSV with <c>?format=csv</c> or <c>Accept: text/csv</c>, JSON otherwise.</summary>
    public static async Task<IResult> ReconciliationAsync(Guid id, string? format, HttpRequest request, PayoutsDbContext db, CancellationToken ct)
    {
        new FieldErrors().Check(format is null or "csv" or "json", "format", "csv or json.").ThrowIfAny();
        var batch = await db.Batches.AsNoTracking().SingleOrDefaultAsync(b => b.Id == id, ct) ?? throw new NotFoundException($"Payout batch {id} does not exist.");
        var imports = await db.SettlementImports.AsNoTracking().Where(i => i.BatchId == id).OrderBy(i => i.ImportedAt).ThenBy(i => i.Id).ToListAsync(ct);
        var wantsCsv = format == "csv" || (format is null && request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase)));
        if (!wantsCsv)
        {
            return TypedResults.Ok(new ReconciliationView(batch.Id, SnakeCaseEnums.Name(batch.Status), imports.Select(View).ToList()));
        }

        var csv = new CsvFile(ReconciliationHeader);
        foreach (var import in imports)
        {
            foreach (var r in import.Report)
            {
                csv.Row(import.Id, import.ImportedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture), r.FileLine is { } line ? line : CsvCell.Empty,
                    r.Reference, r.LineId, r.CreatorId, r.Outcome, Amount(r.ExpectedAmount), Amount(r.ReportedAmount),
                    r.Currency, r.ProviderReference, r.FailureReason);
            }
        }

        return Results.File(csv.ToUtf8(), CsvFile.ContentType, $"payout-batch-{batch.Id}-reconciliation.csv");
    }

    private static CsvCell Amount(decimal? value) => value is { } amount ? CsvCell.Of(amount, "0.####") : CsvCell.Empty;

    private static ImportView View(SettlementImport i) => new(i.Id, i.ImportedAt, i.FileSha256, i.ImportedByKeyId, i.Report);
}

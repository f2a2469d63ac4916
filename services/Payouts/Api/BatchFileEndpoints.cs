using System.Globalization;
using System.Security.Claims;
using System.Text;
using AmbassadorNet.Payouts.Domain;
using AmbassadorNet.Payouts.Ledger;
using AmbassadorNet.Payouts.Persistence;
using AmbassadorNet.Security;
using AmbassadorNet.ServiceDefaults.Errors;
using AmbassadorNet.SharedKernel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace AmbassadorNet.Payouts.Api;

/// <summary>The files exchanged with the payment provider: the batch export, its settlement file, and the reconciliation report.</summary>
internal static class BatchFileEndpoints
{
    /// <summary>Stable columns of the export (documented in docs/services/payouts.md); line_id is the provider's reference.</summary>
    public const string ExportHeader = "line_id,payee_reference,amount,currency,creator_id,batch_id";

    public const string ReconciliationHeader = "import_id,imported_at,file_line,reference,line_id,creator_id,outcome,expected_amount,reported_amount,currency,provider_reference,failure_reason";

    private const int MaxSettlementBytes = 5 * 1024 * 1024;

    public sealed record ImportView(Guid ImportId, DateTimeOffset ImportedAt, string FileSha256, Guid ImportedByKeyId, IReadOnlyList<ReconciliationRow> Rows);

    public sealed record ReconciliationView(Guid BatchId, string Status, IReadOnlyList<ImportView> Imports);

    public static async Task<IResult> ExportAsync(Guid id, ClaimsPrincipal user, BatchLifecycle lifecycle, CancellationToken ct)
    {
        var (batch, lines) = await lifecycle.ExportAsync(id, user.GetApiKeyId(), ct);
        var minorUnits = Currency.Parse(batch.Currency).MinorUnits;
        var csv = new StringBuilder().Append(ExportHeader).Append("\r\n");
        foreach (var line in lines)
        {
            csv.AppendJoin(',', line.Id, ExportEndpoint.Escape(line.PayeeReference), line.Amount.ToString("F" + minorUnits, CultureInfo.InvariantCulture),
                line.Currency, line.CreatorId, batch.Id).Append("\r\n");
        }

        return Results.File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv; charset=utf-8", $"payout-batch-{batch.Id}.csv");
    }

    /// <summary>The provider's result file as the request body (text/csv); the same file twice returns the first report and changes nothing.</summary>
    public static async Task<IResult> SettleAsync(Guid id, HttpRequest request, ClaimsPrincipal user, Settlement settlement, CancellationToken ct)
    {
        var keyId = user.RequiredKeyId();
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, ct);
        new FieldErrors()
            .Check(body.Length > 0, "file", "The body must be the provider's settlement CSV.")
            .Check(body.Length <= MaxSettlementBytes, "file", "At most 5 MiB.")
            .ThrowIfAny();
        var import = await settlement.ImportAsync(id, body.ToArray(), keyId, ct);
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

        var csv = new StringBuilder().Append(ReconciliationHeader).Append("\r\n");
        foreach (var import in imports)
        {
            foreach (var r in import.Report)
            {
                csv.AppendJoin(',', import.Id, import.ImportedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture), r.FileLine?.ToString(CultureInfo.InvariantCulture) ?? "",
                    ExportEndpoint.Escape(r.Reference), r.LineId?.ToString() ?? "", r.CreatorId?.ToString() ?? "", r.Outcome, Amount(r.ExpectedAmount), Amount(r.ReportedAmount),
                    r.Currency ?? "", ExportEndpoint.Escape(r.ProviderReference ?? ""), ExportEndpoint.Escape(r.FailureReason ?? "")).Append("\r\n");
            }
        }

        return Results.File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv; charset=utf-8", $"payout-batch-{batch.Id}-reconciliation.csv");
    }

    private static string Amount(decimal? value) => value?.ToString("0.####", CultureInfo.InvariantCulture) ?? "";

    private static ImportView View(SettlementImport i) => new(i.Id, i.ImportedAt, i.FileSha256, i.ImportedByKeyId, i.Report);
}

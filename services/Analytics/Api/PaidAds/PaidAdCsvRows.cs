using System.Globalization;
using CsvHelper;

namespace AmbassadorNet.Analytics.Api.PaidAds;

/// <summary>One row of a paid-ads file read into the JSON row's shape; a field that could not be read is null and named in the errors.</summary>
internal sealed record PaidAdCsvRow(int Line, PaidAdDayRequest Request, FieldErrors Errors, IReadOnlySet<string> Unreadable);

/// <summary>
/// Reads a paid-ads file: a header row, then one day per row. Columns (any order, case-insensitive):
/// campaignId, channel, day, currency, spend, impressions (may be left out or empty), clicks, orders,
/// revenue. Numbers are plain: a decimal point, no thousands separators (a comma would be read as one
/// in some files and as a decimal comma in others).
/// </summary>
internal static class PaidAdCsvRows
{
    public static readonly string[] Columns = ["campaignId", "channel", "day", "currency", "spend", "impressions", "clicks", "orders", "revenue"];

    private static readonly CsvReaderOptions Options = CsvReaderOptions.Default with { Separator = ',', TrackLineNumbers = true };

    public static IEnumerable<PaidAdCsvRow> Read(TextReader text)
    {
        using var csv = CsvReader.Create(text, Options, leaveOpen: true);
        if (csv.Headers.Count == 0)
        {
            yield break;
        }

        var missing = Columns.Where(c => c != "impressions" && !csv.Headers.Any(h => h.Trim().Equals(c, StringComparison.OrdinalIgnoreCase))).ToList();
        if (missing.Count > 0)
        {
            throw new FormatException($"The header lacks the column(s) {string.Join(", ", missing)}.");
        }

        while (csv.Read())
        {
            string? Field(string name) => csv.TryGetFieldIndex(name, out var index) && csv.GetString(index) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
            var errors = new FieldErrors();
            var unreadable = new HashSet<string>(StringComparer.Ordinal);
            T? Parsed<T>(string column, Func<string, T?> parse, string message) where T : struct
            {
                var text = Field(column);
                var value = text is null ? null : parse(text);
                if (text is not null && value is null)
                {
                    errors.Add(column, $"{message}, not '{text}'.");
                    unreadable.Add(column);
                }

                return value;
            }

            var request = new PaidAdDayRequest(
                Parsed("campaignId", t => Guid.TryParse(t, out var id) ? id : (Guid?)null, "The id of the campaign (a UUID)"),
                Field("channel"),
                Parsed("day", t => DateOnly.TryParseExact(t, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : (DateOnly?)null, "A UTC day as yyyy-MM-dd"),
                Field("currency"),
                Parsed("spend", Amount, "An amount such as 1234.50"),
                Parsed("impressions", Count, "A whole number"),
                Parsed("clicks", Count, "A whole number"),
                Parsed("orders", Count, "A whole number"),
                Parsed("revenue", Amount, "An amount such as 1234.50"));
            yield return new PaidAdCsvRow((int)csv.LineNumber, request, errors, unreadable);
        }
    }

    private static decimal? Amount(string text) =>
        decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var amount) ? amount : null;

    private static long? Count(string text) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var count) ? count : null;
}

using System.Globalization;
using CsvHelper;

namespace AmbassadorNet.Campaigns.Api.Posts;

/// <summary>One row of a metrics file: the post (by id or by URL), when measured, and the counts, each as written.</summary>
internal sealed record MetricCsvRow(int Line, string? PostId, string? Url, string? MeasuredAt, IReadOnlyDictionary<string, string?> Counts);

/// <summary>
/// Reads a metrics file: a header row, then one snapshot per row. Columns (any order, case-insensitive):
/// post_id or url (one of them per row), measured_at, views, reach, likes, comments, shares, saves.
/// </summary>
internal static class MetricCsvRows
{
    public static readonly string[] CountColumns = ["views", "reach", "likes", "comments", "shares", "saves"];

    public static readonly string[] Columns = ["post_id", "url", "measured_at", .. CountColumns];

    private static readonly CsvReaderOptions Options = CsvReaderOptions.Default with { Separator = ',', TrackLineNumbers = true };

    public static IEnumerable<MetricCsvRow> Read(TextReader text)
    {
        using var csv = CsvReader.Create(text, Options, leaveOpen: true);
        if (csv.Headers.Count == 0)
        {
            yield break;
        }

        bool Has(string column) => csv.Headers.Any(h => h.Trim().Equals(column, StringComparison.OrdinalIgnoreCase));
        if (!Has("measured_at") || !(Has("post_id") || Has("url")))
        {
            throw new FormatException("The header needs measured_at and post_id or url.");
        }

        while (csv.Read())
        {
            string? Field(string name) => csv.TryGetFieldIndex(name, out var index) && csv.GetString(index) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
            yield return new MetricCsvRow((int)csv.LineNumber, Field("post_id"), Field("url"), Field("measured_at"), CountColumns.ToDictionary(c => c, Field));
        }
    }

    /// <summary>A count as a spreadsheet may write it ("12,345"); the problem goes to the column's name.</summary>
    public static long? Count(string column, string? text, FieldErrors errors)
    {
        if (text is null)
        {
            return null;
        }

        if (long.TryParse(text.Replace(",", "", StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture, out var count))
        {
            return count;
        }

        errors.Add(column, $"A whole number, not '{text}'.");
        return null;
    }
}

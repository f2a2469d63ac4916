using System.Globalization;
using AmbassadorNet.Creators.Api;
using CsvHelper;

namespace AmbassadorNet.Creators.Import;

/// <summary>
/// Reads the import file: a header row, then one creator per row with at most one social account.
/// Columns (any order, case-insensitive): display_name, email, country, niches (separated by ';'),
/// platform, handle, url, followers, average_likes, average_comments, average_views.
/// </summary>
public static class CsvRows
{
    public static readonly string[] Columns =
        ["display_name", "email", "country", "niches", "platform", "handle", "url", "followers", "average_likes", "average_comments", "average_views"];

    /// <summary>
    /// A comma always (CsvHelper would otherwise guess the separator, and niches are separated by ';');
    /// line numbers for the report; short rows read as empty fields and stray quotes as text (the defaults).
    /// </summary>
    private static readonly CsvReaderOptions Options = CsvReaderOptions.Default with { Separator = ',', TrackLineNumbers = true };

    public static IEnumerable<(int Line, ApplyRequest Request, string? NumberError)> Read(TextReader text)
    {
        using var csv = CsvReader.Create(text, Options, leaveOpen: true);
        if (csv.Headers.Count == 0)
        {
            yield break;
        }

        var missing = new[] { "display_name", "email", "country" }.Where(c => !csv.Headers.Any(h => h.Trim().Equals(c, StringComparison.OrdinalIgnoreCase))).ToList();
        if (missing.Count > 0)
        {
            throw new FormatException($"The header lacks the column(s) {string.Join(", ", missing)}.");
        }

        while (csv.Read())
        {
            yield return ToRequest(csv);
        }
    }

    private static (int, ApplyRequest, string?) ToRequest(CsvReader csv)
    {
        // Header names match exactly, else ignoring case and surrounding whitespace (CsvHelper's lookup).
        string? Field(string name) => csv.TryGetFieldIndex(name, out var index) && csv.GetString(index) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

        string? numberError = null;
        long? Number(string name)
        {
            var text = Field(name);
            if (text is null)
            {
                return null;
            }

            if (long.TryParse(text.Replace(",", "", StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
            {
                return number;
            }

            numberError ??= $"{name} must be a whole number, not '{text}'.";
            return -1;
        }

        var niches = Field("niches")?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var platform = Field("platform");
        var accounts = platform is null ? null : new[]
        {
            new SocialStatsRequest(platform, Field("handle"), Field("url"), Number("followers"), Number("average_likes") ?? 0, Number("average_comments") ?? 0, Number("average_views"), null),
        };
        var request = new ApplyRequest(Field("display_name"), Field("email"), Field("country"), niches, accounts);
        return ((int)csv.LineNumber, request, numberError);
    }
}

using System.Globalization;
using AmbassadorNet.Analytics.Api.Content;
using AmbassadorNet.SharedKernel;

namespace AmbassadorNet.Analytics.Api;

/// <summary>Reads and checks the query parameters the views share; every problem goes into one 400.</summary>
internal static class ViewQuery
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;
    public const int MaxExportRows = 10_000;

    /// <summary>So that one lucky click does not top the leaderboard (unique clicks).</summary>
    public const long DefaultMinClicks = 10;

    /// <summary>The longest time series answered in one request (days).</summary>
    public const int MaxSeriesDays = 3_700;

    public static DateRange Range(string? from, string? to, FieldErrors errors)
    {
        var start = Day(from, "from", errors);
        var end = Day(to, "to", errors);
        errors.Check(start is null || end is null || start <= end, "to", "to must not be before from.");
        return new DateRange(start, end);
    }

    /// <summary>An offset page: rankings are computed per request from rollups, so a cursor would promise a stability they cannot have.</summary>
    public static (int Offset, int Limit) Paging(string? offset, string? limit, FieldErrors errors, int fallback = DefaultLimit, int max = MaxLimit)
    {
        var skip = Whole(offset, "offset", 0, int.MaxValue, errors);
        var take = Whole(limit, "limit", 1, max, errors);
        return ((int)(skip ?? 0), (int)(take ?? fallback));
    }

    /// <summary>Unique clicks a creator needs to appear on the leaderboard.</summary>
    public static long MinClicks(string? minClicks, FieldErrors errors) => Whole(minClicks, "minClicks", 0, int.MaxValue, errors) ?? DefaultMinClicks;

    /// <summary>A whole number in [min, max]; numbers arrive as text so a malformed one is a field error, not a bare 400.</summary>
    private static long? Whole(string? text, string field, long min, long max, FieldErrors errors)
    {
        if (text is null)
        {
            return null;
        }

        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        errors.Add(field, max == int.MaxValue ? $"{field} must be a whole number of {min} or more." : $"{field} must be a whole number between {min} and {max}.");
        return null;
    }

    public static CreatorSort Sort(string? sort, FieldErrors errors)
    {
        var found = CreatorSort.Parse(sort ?? CreatorSort.Default.Name);
        errors.Check(found is not null, "sort", $"sort must be one of {string.Join(", ", CreatorSort.All.Select(s => s.Name))}.");
        return found ?? CreatorSort.Default;
    }

    public static ContentSort ContentOrder(string? sort, FieldErrors errors)
    {
        var found = ContentSort.Parse(sort ?? ContentSort.Default.Name);
        errors.Check(found is not null, "sort", $"sort must be one of {string.Join(", ", ContentSort.All.Select(s => s.Name))}.");
        return found ?? ContentSort.Default;
    }

    /// <summary>The posts a content report covers: ids as text (a malformed one is a field error), names as the events carry them.</summary>
    public static ContentFilter Posts(string? campaignId, string? creatorId, string? platform, string? format, string? market, FieldErrors errors) => new(
        Id(campaignId, "campaignId", errors), Id(creatorId, "creatorId", errors),
        Token(platform, "platform", errors), Token(format, "format", errors),
        Matches(market, "market", errors, m => m.Length == 2 && m.All(char.IsAsciiLetter), "An ISO 3166-1 alpha-2 country code such as DE.")?.ToUpperInvariant());

    public static Guid? Id(string? text, string field, FieldErrors errors)
    {
        var valid = Guid.TryParse(text, out var id) && id != Guid.Empty;
        errors.Check(text is null || valid, field, $"{field} must be an id (a UUID).");
        return valid ? id : null;
    }

    /// <summary>A platform or format name: lower-case letters and underscores, as campaigns names them.</summary>
    private static string? Token(string? text, string field, FieldErrors errors) =>
        Matches(text?.ToLowerInvariant(), field, errors, t => t.Length is >= 1 and <= 20 && t.All(c => c is (>= 'a' and <= 'z') or '_'),
            $"{field} must be a name such as {(field == "platform" ? "instagram" : "reel")}.");

    private static string? Matches(string? text, string field, FieldErrors errors, Func<string, bool> valid, string message)
    {
        var ok = text is null || valid(text);
        errors.Check(ok, field, message);
        return ok ? text : null;
    }

    public static string? Currency(string? currency, FieldErrors errors)
    {
        errors.Check(currency is null || SharedKernel.Currency.IsValid(currency), "currency", "An ISO 4217 currency code such as USD.");
        return currency is null ? null : currency.ToUpperInvariant();
    }

    private static DateOnly? Day(string? text, string field, FieldErrors errors)
    {
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) && day.Year >= 1900)
        {
            return day;
        }

        errors.Add(field, $"{field} must be a UTC date as yyyy-MM-dd, such as 2026-11-01.");
        return null;
    }
}

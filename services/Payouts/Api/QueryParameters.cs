using System.Globalization;
using AmbassadorNet.Persistence.Pagination;

namespace AmbassadorNet.Payouts.Api;

/// <summary>Query values read by hand, so a bad one is a 400 naming its field rather than a bare binding failure.</summary>
internal static class QueryParameters
{
    public const int DefaultLimit = 50;

    public static DateTimeOffset? Time(string? text, string field, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value))
        {
            return value;
        }

        errors.Add(field, "Expected an ISO 8601 date or time, e.g. 2026-01-01 or 2026-01-01T00:00:00Z.");
        return null;
    }

    public static string? CurrencyCode(string? text, string field, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        errors.Check(Currency.IsValid(text), field, "Expected an upper-case ISO 4217 code such as USD.");
        return text;
    }

    /// <summary>
    /// A page size, 1 to <see cref="KeysetPagination.MaxLimit"/> like every other list; read as text so
    /// <c>limit=ten</c> is a 400 naming <c>limit</c> too, not a bare binding failure.
    /// </summary>
    public static int Limit(string? text, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return DefaultLimit;
        }

        var valid = int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit is >= 1 and <= KeysetPagination.MaxLimit;
        errors.Check(valid, "limit", $"A whole number between 1 and {KeysetPagination.MaxLimit}.");
        return valid ? limit : DefaultLimit;
    }
}

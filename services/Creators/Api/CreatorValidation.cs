using System.Net.Mail;
using System.Text.RegularExpressions;

namespace AmbassadorNet.Creators.Api;

/// <summary>Field rules of the creator API. Each method reports every problem it finds under the field's JSON name.</summary>
public static partial class CreatorValidation
{
    public const int MaxNiches = 20;

    public static void DisplayName(FieldErrors errors, string? value, bool required, string field = "displayName") =>
        errors.Check(value is null ? !required : value.Trim().Length is >= 1 and <= 200, field, "A display name of 1 to 200 characters is required.");

    public static void Email(FieldErrors errors, string? value, bool required, string field = "email") =>
        errors.Check(value is null ? !required : IsEmail(value), field, "A valid email address is required.");

    public static void Country(FieldErrors errors, string? value, bool required, string field = "country") =>
        errors.Check(value is null ? !required : CountryCode().IsMatch(value.Trim().ToUpperInvariant()), field, "An ISO 3166-1 alpha-2 country code such as \"US\" is required.");

    public static void Niches(FieldErrors errors, IReadOnlyList<string>? values, string field = "niches") =>
        errors.Check(values is null || (values.Count <= MaxNiches && values.All(n => n?.Trim().Length is >= 1 and <= 50)),
            field, $"Up to {MaxNiches} niches of 1 to 50 characters each.");

    public static void Stats(FieldErrors errors, SocialStatsRequest? stats, DateTimeOffset now, string prefix = "")
    {
        if (stats is null)
        {
            errors.Add(prefix.TrimEnd('.'), "The account's figures are required.");
            return;
        }

        errors.Check(SnakeCaseEnums.TryParse<Platform>(stats.Platform, out _), prefix + "platform", $"One of: {SnakeCaseEnums.Allowed<Platform>()}.");
        errors.Check(stats.Handle?.Trim().TrimStart('@') is { Length: >= 1 and <= 100 } handle && !handle.Any(char.IsWhiteSpace), prefix + "handle", "A handle of 1 to 100 characters without spaces is required.");
        errors.Check(stats.Url is null || (Uri.TryCreate(stats.Url, UriKind.Absolute, out var url) && url.Scheme is "https" or "http" && stats.Url.Length <= 500), prefix + "url", "An absolute http(s) URL of at most 500 characters.");
        errors.Check(stats.Followers is >= 0, prefix + "followers", "Followers must be zero or more.");
        errors.Check(stats.AverageLikes is >= 0, prefix + "averageLikes", "Average likes must be zero or more.");
        errors.Check(stats.AverageComments is >= 0, prefix + "averageComments", "Average comments must be zero or more.");
        errors.Check(stats.AverageViews is null or >= 0, prefix + "averageViews", "Average views must be zero or more.");
        errors.Check(stats.MeasuredAt is null || stats.MeasuredAt <= now.AddMinutes(5), prefix + "measuredAt", "A measurement cannot be in the future.");
    }

    public static StatsReading ToReading(SocialStatsRequest stats, DateTimeOffset now) => new(
        SnakeCaseEnums.Parse<Platform>(stats.Platform!), stats.Handle!.Trim().TrimStart('@'), stats.Url, stats.Followers!.Value,
        stats.AverageLikes!.Value, stats.AverageComments!.Value, stats.AverageViews ?? 0, stats.MeasuredAt ?? now);

    public static IReadOnlyList<string> CleanNiches(IReadOnlyList<string> niches) =>
        niches.Select(n => n.Trim().ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList();

    public static string CleanCountry(string country) => country.Trim().ToUpperInvariant();

    private static bool IsEmail(string value) =>
        value.Length <= 320 && MailAddress.TryCreate(value.Trim(), out var address) && address.Address == value.Trim() && address.Host.Contains('.');

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex CountryCode();
}

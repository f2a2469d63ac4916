using System.Text.RegularExpressions;
using AmbassadorNet.Campaigns.Domain.Posts;

namespace AmbassadorNet.Campaigns.Api.Posts;

/// <summary>What a recorded post must be, field by field; every problem is reported at once.</summary>
internal static partial class PostValidation
{
    /// <summary>Shops' and platforms' clocks drift: a post "published" this far ahead is still accepted.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>The request's fields, checked and cleaned; the URL canonical.</summary>
    public sealed record Checked(Guid EnrollmentId, PostPlatform Platform, PostFormat Format, string Url, DateTimeOffset PublishedAt, string Language, string? Market, string? Caption);

    public static Checked Check(RecordPostRequest request, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        errors.Check(request.EnrollmentId is not null && request.EnrollmentId != Guid.Empty, "enrollmentId", "The enrollment (creator in a campaign) that published the post is required.");
        var platform = Platforms.Find(request.Platform);
        errors.Check(platform is not null, "platform", $"One of: {Platforms.Names}.");
        var format = DraftMerge.Parse<PostFormat>(request.Format, errors, "format");
        if (platform is not null && format is { } f && !platform.Offers(f))
        {
            errors.Add("format", $"{platform.Name} posts are one of: {string.Join(", ", platform.Formats.Select(SnakeCaseEnums.Name))}.");
        }

        string? url = null;
        if (platform is not null)
        {
            url = PostUrls.Check(request.Url, platform, out var problem);
            errors.Check(url is not null, "url", problem);
        }

        errors.Check(request.PublishedAt is { } at && at <= now + ClockSkew, "publishedAt", "When the post went live (ISO 8601), not in the future.");
        var language = request.Language?.Trim().ToLowerInvariant();
        errors.Check(language is not null && LanguageCode().IsMatch(language), "language", "An ISO 639-1 language code such as \"en\" is required.");
        var market = request.Market?.Trim().ToUpperInvariant();
        errors.Check(market is null || CountryCode().IsMatch(market), "market", "An ISO 3166-1 alpha-2 country code such as \"US\".");
        var caption = string.IsNullOrWhiteSpace(request.Caption) ? null : request.Caption.Trim();
        errors.Check(caption is null || caption.Length <= Post.MaxCaption, "caption", $"At most {Post.MaxCaption} characters.");
        errors.ThrowIfAny();
        return new Checked(request.EnrollmentId!.Value, platform!, format!.Value, url!, request.PublishedAt!.Value.ToUniversalTime(), language!, market, caption);
    }

    [GeneratedRegex("^[a-z]{2}$")]
    private static partial Regex LanguageCode();

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex CountryCode();
}

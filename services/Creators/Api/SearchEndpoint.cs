using AmbassadorNet.Persistence.Pagination;
using Microsoft.AspNetCore.Mvc;

namespace AmbassadorNet.Creators.Api;

/// <summary>
/// The filters of <c>GET /api/creators</c>, all optional and combined with AND. Each is named as clients send it:
/// binding ignores case, but the OpenAPI document would otherwise show the property's name ("Niche").
/// </summary>
public sealed record CreatorSearch(
    [property: FromQuery(Name = "niche")] string? Niche,
    [property: FromQuery(Name = "tier")] string? Tier,
    [property: FromQuery(Name = "minEngagement")] decimal? MinEngagement,
    [property: FromQuery(Name = "maxEngagement")] decimal? MaxEngagement,
    [property: FromQuery(Name = "minFollowers")] long? MinFollowers,
    [property: FromQuery(Name = "country")] string? Country,
    [property: FromQuery(Name = "status")] string? Status,
    [property: FromQuery(Name = "q")] string? Q,
    [property: FromQuery(Name = "sort")] string? Sort,
    [property: FromQuery(Name = "cursor")] string? Cursor,
    [property: FromQuery(Name = "limit")] int? Limit);

internal static class SearchEndpoint
{
    private const int DefaultLimit = 50;

    // Creators without a rate sort last when sorting by engagement (-1 is below every real rate).
    private static readonly KeysetOrder<Creator, decimal> ByEngagement = new("engagement", c => c.EngagementRate ?? -1m, c => c.Id, descending: true);
    private static readonly KeysetOrder<Creator, long> ByFollowers = new("followers", c => c.Followers, c => c.Id, descending: true);
    private static readonly KeysetOrder<Creator, DateTimeOffset> Newest = new("newest", c => c.CreatedAt, c => c.Id, descending: true);

    public static async Task<Ok<CreatorPage>> SearchAsync([AsParameters] CreatorSearch search, CreatorsDbContext db, CancellationToken cancellationToken)
    {
        var query = Filter(db.Creators.AsNoTracking().Include(c => c.Accounts), search);
        var limit = search.Limit ?? DefaultLimit;
        var page = (search.Sort ?? "newest") switch
        {
            "engagement" => await query.ToPageAsync(ByEngagement, search.Cursor, limit, cancellationToken),
            "followers" => await query.ToPageAsync(ByFollowers, search.Cursor, limit, cancellationToken),
            _ => await query.ToPageAsync(Newest, search.Cursor, limit, cancellationToken),
        };
        return TypedResults.Ok(new CreatorPage(page.Items.Select(CreatorView.From).ToList(), page.NextCursor));
    }

    private static IQueryable<Creator> Filter(IQueryable<Creator> query, CreatorSearch search)
    {
        var errors = new FieldErrors();
        var tier = Parse<Tier>(errors, search.Tier, "tier");
        var status = Parse<CreatorStatus>(errors, search.Status, "status");
        errors.Check(search.MinEngagement is null or >= 0, "minEngagement", "A rate of zero or more, as a fraction (0.05 = 5%).");
        errors.Check(search.MaxEngagement is null or >= 0, "maxEngagement", "A rate of zero or more, as a fraction (0.05 = 5%).");
        errors.Check(search.MinEngagement is null || search.MaxEngagement is null || search.MinEngagement <= search.MaxEngagement, "maxEngagement", "Must not be below minEngagement.");
        errors.Check(search.MinFollowers is null or >= 0, "minFollowers", "Zero or more.");
        errors.Check(search.Sort is null or "engagement" or "followers" or "newest", "sort", "One of: engagement, followers, newest.");
        errors.Check(search.Limit is null or >= 1 and <= KeysetPagination.MaxLimit, "limit", $"Between 1 and {KeysetPagination.MaxLimit}.");
        errors.Check(search.Q is null || search.Q.Trim().Length is >= 1 and <= 100, "q", "1 to 100 characters.");
        errors.ThrowIfAny();

        if (!string.IsNullOrWhiteSpace(search.Niche))
        {
            var niche = search.Niche.Trim().ToLowerInvariant();
            query = query.Where(c => c.Niches.Contains(niche));
        }

        if (tier is { } t)
        {
            query = query.Where(c => c.Tier == t);
        }

        if (status is { } s)
        {
            query = query.Where(c => c.Status == s);
        }

        if (search.MinEngagement is { } min)
        {
            query = query.Where(c => c.EngagementRate >= min);
        }

        if (search.MaxEngagement is { } max)
        {
            query = query.Where(c => c.EngagementRate <= max);
        }

        if (search.MinFollowers is { } followers)
        {
            query = query.Where(c => c.Followers >= followers);
        }

        if (!string.IsNullOrWhiteSpace(search.Country))
        {
            var country = search.Country.Trim().ToUpperInvariant();
            query = query.Where(c => c.Country == country);
        }

        if (!string.IsNullOrWhiteSpace(search.Q))
        {
            var text = search.Q.Trim().ToLowerInvariant();
            var handle = SocialAccount.Normalize(text);
            query = query.Where(c => c.DisplayName.ToLower().Contains(text) || c.Accounts.Any(a => a.HandleNormalized.Contains(handle)));
        }

        return query;
    }

    private static TEnum? Parse<TEnum>(FieldErrors errors, string? text, string field) where TEnum : struct, Enum
    {
        if (text is null)
        {
            return null;
        }

        errors.Check(SnakeCaseEnums.TryParse<TEnum>(text, out var value), field, $"One of: {SnakeCaseEnums.Allowed<TEnum>()}.");
        return value;
    }
}

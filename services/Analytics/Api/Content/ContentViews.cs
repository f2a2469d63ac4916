using AmbassadorNet.Analytics.Domain.Content;

namespace AmbassadorNet.Analytics.Api.Content;

/// <summary>
/// The content reports: the post leaderboard and posts grouped by format, platform, market, creator
/// or campaign, in one currency (a brand with posts in several must choose).
/// </summary>
public sealed class ContentViews(ContentQueries queries)
{
    public async Task<ContentPostsPage> PostsAsync(
        ContentFilter filter, string? currency, DateRange range, ContentSort sort, int offset, int limit, CancellationToken ct)
    {
        var (chosen, posts) = await PostsInAsync(filter, currency, range, ct);
        var ranked = sort.Order(posts.Select(p => (Post: p, Figures: ContentFigures.Of([p], chosen))), r => r.Figures, r => r.Post.PostId.ToString());
        var (page, next) = OffsetPage.Cut(ranked, offset, limit, (r, rank) => new ContentPostRow(
            rank, r.Post.PostId, r.Post.CampaignId, r.Post.CampaignName, r.Post.CreatorId, r.Post.CreatorName, r.Post.Handle,
            r.Post.Platform, r.Post.Format, r.Post.Market, r.Post.PublishedAt, r.Post.Reach, r.Figures));
        return new ContentPostsPage(chosen, range.From, range.To, sort.Name, ranked.Count, page, next);
    }

    public async Task<ContentGroupsPage> GroupsAsync(
        ContentDimension by, ContentFilter filter, string? currency, DateRange range, ContentSort sort, int offset, int limit, CancellationToken ct)
    {
        var (chosen, posts) = await PostsInAsync(filter, currency, range, ct);
        var groups = posts.GroupBy(by.Key, StringComparer.Ordinal)
            .Select(g => (Key: g.Key, Name: g.Select(by.Label).FirstOrDefault(n => n is not null), Figures: ContentFigures.Of([.. g], chosen)));
        var ranked = sort.Order(groups, g => g.Figures, g => g.Key);
        var (page, next) = OffsetPage.Cut(ranked, offset, limit, (g, rank) => new ContentGroupRow(rank, g.Key, g.Name, g.Figures));
        return new ContentGroupsPage(by.Name, chosen, range.From, range.To, sort.Name, ranked.Count, page, next);
    }

    /// <summary>The figures of every post the filter keeps, in one currency: what a group of <see cref="GroupsAsync"/> with that filter shows.</summary>
    public async Task<ContentFigures> FiguresAsync(ContentFilter filter, string currency, DateRange range, CancellationToken ct) =>
        ContentFigures.Of(await queries.PostsAsync(filter, currency, range, ct), currency);

    private async Task<(string? Currency, List<PostContent> Posts)> PostsInAsync(ContentFilter filter, string? currency, DateRange range, CancellationToken ct)
    {
        var chosen = currency ?? CurrencyChoice.OnlyOne(await queries.CurrenciesAsync(ct));
        return (chosen, chosen is null ? [] : await queries.PostsAsync(filter, chosen, range, ct));
    }
}

using AmbassadorNet.Analytics.Domain.Content;

namespace AmbassadorNet.Analytics.Api.Content;

// What the content reports answer; the CSV export writes the same objects (figures flattened into columns).

/// <summary>A post of the post leaderboard: where it ran, its reach when last measured in the range (null: never reported), its figures.</summary>
public sealed record ContentPostRow(
    int Rank, Guid PostId, Guid CampaignId, string? CampaignName, Guid CreatorId, string? CreatorName, string? Handle,
    string Platform, string Format, string Market, DateTimeOffset PublishedAt, long? Reach, ContentFigures Figures);

/// <summary>A group of posts (a format, platform, market, creator or campaign): its key, its name where it has one, its figures.</summary>
public sealed record ContentGroupRow(int Rank, string Key, string? Name, ContentFigures Figures);

public sealed record ContentPostsPage(
    string? Currency, DateOnly? From, DateOnly? To, string Sort, int Total, IReadOnlyList<ContentPostRow> Items, int? NextOffset);

public sealed record ContentGroupsPage(
    string By, string? Currency, DateOnly? From, DateOnly? To, string Sort, int Total, IReadOnlyList<ContentGroupRow> Items, int? NextOffset);

using AmbassadorNet.Analytics.Domain.Content;

namespace AmbassadorNet.Analytics.Api.Content;

/// <summary>What posts can be grouped by in a content report: a group's key, and its name where it has one.</summary>
public sealed record ContentDimension(string Name, Func<PostContent, string> Key, Func<PostContent, string?> Label)
{
    public static IReadOnlyList<ContentDimension> All { get; } =
    [
        new("format", p => p.Format, _ => null),
        new("platform", p => p.Platform, _ => null),
        new("market", p => p.Market, _ => null),
        new("creator", p => p.CreatorId.ToString(), p => p.CreatorName),
        new("campaign", p => p.CampaignId.ToString(), p => p.CampaignName),
    ];

    public static ContentDimension? Parse(string? name) => All.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase));

    public static string Names => string.Join(", ", All.Select(d => d.Name));
}

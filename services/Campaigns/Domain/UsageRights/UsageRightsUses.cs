namespace AmbassadorNet.Campaigns.Domain.UsageRights;

/// <summary>What a brand may do with a creator's post; a new use is one more entry here (validation, docs and the check follow).</summary>
public static class UsageRightsUses
{
    public const string OrganicRepost = "organic_repost";
    public const string PaidAds = "paid_ads";

    /// <summary>Whitelisting: ads run from the creator's own account (partnership ads).</summary>
    public const string Whitelisting = "whitelisting";

    public static IReadOnlyList<string> All { get; } = [OrganicRepost, PaidAds, Whitelisting, "email", "website", "print"];

    public static string Names { get; } = string.Join(", ", All);

    public static bool IsKnown(string? use) => use is not null && All.Contains(use, StringComparer.Ordinal);
}

namespace AmbassadorNet.Creators.Api;

public sealed record CreatorView(
    Guid Id, string DisplayName, string? Email, string Country, IReadOnlyList<string> Niches, CreatorStatus Status, Tier Tier,
    long Followers, decimal? EngagementRate, long Version, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? ErasedAt,
    IReadOnlyList<SocialAccountView> SocialAccounts, PayoutProfileView? PayoutProfile)
{
    public static CreatorView From(Creator creator) => new(
        creator.Id, creator.DisplayName, creator.Email, creator.Country, creator.Niches, creator.Status, creator.Tier,
        creator.Followers, creator.EngagementRate, creator.Version, creator.CreatedAt, creator.UpdatedAt, creator.ErasedAt,
        creator.Accounts.OrderBy(a => a.Platform).Select(SocialAccountView.From).ToList(),
        creator.PayoutProfile is { } profile ? PayoutProfileView.From(profile) : null);
}

public sealed record SocialAccountView(
    Platform Platform, string Handle, string? Url, long Followers, long AverageLikes, long AverageComments, long AverageViews,
    decimal? EngagementRate, Tier Tier, DateTimeOffset MeasuredAt)
{
    public static SocialAccountView From(SocialAccount a) => new(
        a.Platform, a.Handle, a.Url, a.Followers, a.AverageLikes, a.AverageComments, a.AverageViews, a.EngagementRate, Tiers.For(a.Followers), a.MeasuredAt);
}

public sealed record PayoutProfileView(PayoutMethod Method, string Currency, string? PayeeReference, TaxFormStatus TaxFormStatus, bool IsComplete, DateTimeOffset UpdatedAt)
{
    public static PayoutProfileView From(PayoutProfile p) => new(p.Method, p.Currency, p.PayeeReference, p.TaxFormStatus, p.IsComplete, p.UpdatedAt);
}

public sealed record TierChangeView(Tier FromTier, Tier ToTier, long Followers, DateTimeOffset ChangedAt);

public sealed record CreatorPage(IReadOnlyList<CreatorView> Items, string? NextCursor);

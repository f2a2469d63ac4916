namespace AmbassadorNet.Campaigns.Domain.Exclusivity;

/// <summary>
/// Whether inviting a creator to a campaign of category K breaks a promise they hold. A promise
/// conflicts when its window overlaps the days the creator would promote the campaign and its
/// category competes with K:
/// <list type="bullet">
/// <item>declared (made to another brand): the same category, or one the brand's policy lists as competing with K;</item>
/// <item>from an agreement with this brand: only a category the policy lists as competing with K (the same category is this brand's own product).</item>
/// </list>
/// A campaign without a category conflicts with nothing. No I/O: the caller loads the promises and the policy.
/// </summary>
public static class ExclusivityCheck
{
    public static IReadOnlyList<ExclusivityConflict> Conflicts(
        string? campaignCategory, PromotionPeriod period, IEnumerable<ExclusivityPromise> promises, ExclusivityPolicy policy) =>
        campaignCategory is null
            ? []
            : [.. promises
                .Where(p => period.Overlaps(p.StartsOn, p.EndsOn) && Competes(p, campaignCategory, policy))
                .OrderBy(p => p.StartsOn).ThenBy(p => p.Category, StringComparer.Ordinal).ThenBy(p => p.SourceId)
                .Select(ExclusivityConflict.From)];

    private static bool Competes(ExclusivityPromise promise, string category, ExclusivityPolicy policy) =>
        policy.Lists(promise.Category, category) || (promise.Source == PromiseSource.Declared && promise.Category == category);
}

/// <summary>
/// The UTC days a creator invited now would promote a campaign: from the campaign's start (today if it
/// has started or is always-on without one) to its end, included; open-ended when it has none.
/// </summary>
public sealed record PromotionPeriod(DateOnly From, DateOnly? To)
{
    public static PromotionPeriod Of(DateTimeOffset? startsAt, DateTimeOffset? endsAt, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var from = startsAt is { } s && DateOnly.FromDateTime(s.UtcDateTime) > today ? DateOnly.FromDateTime(s.UtcDateTime) : today;
        // A campaign ending at midnight ran through the day before.
        return new(from, endsAt is { } e ? DateOnly.FromDateTime(e.UtcDateTime.AddTicks(-1)) : null);
    }

    public bool Overlaps(DateOnly startsOn, DateOnly endsOn) => startsOn <= (To ?? DateOnly.MaxValue) && endsOn >= From;
}

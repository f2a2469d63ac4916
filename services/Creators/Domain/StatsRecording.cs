namespace AmbassadorNet.Creators.Domain;

/// <summary>A new measurement of one account, as the API or the import receives it.</summary>
public sealed record StatsReading(Platform Platform, string Handle, string? Url, long Followers, long AverageLikes, long AverageComments, long AverageViews, DateTimeOffset MeasuredAt);

/// <summary>What recording a snapshot did to the creator: the tier before, and the account's new rate.</summary>
public sealed record StatsRecorded(Tier PreviousTier, SocialAccount Account, StatSnapshot Snapshot, TierChange? TierChange);

public static class StatsRecording
{
    /// <summary>
    /// Adds a snapshot of one account. The account shows its newest figures: a backfilled older
    /// snapshot joins the history without replacing them. Followers, engagement and tier are then
    /// derived again from all accounts, and a tier move is recorded.
    /// </summary>
    public static StatsRecorded Record(this Creator creator, StatsReading reading, TimeProvider clock)
    {
        creator.EnsureNotErased("record stats of");
        var now = clock.GetUtcNow();
        var account = creator.Accounts.FirstOrDefault(a => a.Platform == reading.Platform);
        if (account is null)
        {
            account = new SocialAccount { Id = Ids.New(clock), BrandId = creator.BrandId, CreatorId = creator.Id, Platform = reading.Platform, MeasuredAt = DateTimeOffset.MinValue };
            creator.Accounts.Add(account);
        }

        if (reading.MeasuredAt >= account.MeasuredAt)
        {
            (account.Handle, account.HandleNormalized, account.Url) = (reading.Handle.Trim(), SocialAccount.Normalize(reading.Handle), reading.Url ?? account.Url);
            account.Take(reading);
        }

        var snapshot = new StatSnapshot { Id = Ids.New(clock), BrandId = creator.BrandId, CreatorId = creator.Id, AccountId = account.Id, RecordedAt = now };
        snapshot.Take(reading);

        var previous = creator.Tier;
        creator.Followers = creator.Accounts.Max(a => a.Followers);
        creator.EngagementRate = Engagement.Overall(creator.Accounts);
        creator.Tier = Tiers.For(creator.Followers);
        var change = creator.Tier == previous ? null : new TierChange
        {
            Id = Ids.New(clock), BrandId = creator.BrandId, CreatorId = creator.Id, FromTier = previous, ToTier = creator.Tier,
            Followers = creator.Followers, ChangedAt = now,
        };
        creator.Touch(now);
        return new StatsRecorded(previous, account, snapshot, change);
    }
}

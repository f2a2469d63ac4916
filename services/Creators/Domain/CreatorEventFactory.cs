using AmbassadorNet.Contracts.Creators;

namespace AmbassadorNet.Creators.Domain;

/// <summary>Turns the creator's current state into the integration events of the contracts assembly.</summary>
public static class CreatorEventFactory
{
    public static CreatorState State(Creator c) => new(
        c.Id, c.DisplayName, c.Country, c.Niches.ToList(), Name(c.Status), Name(c.Tier), c.Followers, c.EngagementRate,
        c.Accounts.OrderBy(a => a.Platform).Select(a => new SocialAccountState(Name(a.Platform), a.Handle, a.Url, a.Followers, a.EngagementRate, a.MeasuredAt)).ToList());

    public static CreatorApplied Applied(Creator c) => new(c.BrandId, c.UpdatedAt, c.Id, c.Version, State(c));

    public static CreatorProfileUpdated ProfileUpdated(Creator c) => new(c.BrandId, c.UpdatedAt, c.Id, c.Version, State(c));

    public static CreatorStatsRecorded StatsRecorded(Creator c, StatsRecorded recorded) => new(
        c.BrandId, c.UpdatedAt, c.Id, c.Version, State(c), Name(recorded.Account.Platform), recorded.Snapshot.Followers,
        recorded.Snapshot.EngagementRate, Name(recorded.PreviousTier));

    public static CreatorPayoutProfileUpdated PayoutProfileUpdated(Creator c) => new(
        c.BrandId, c.UpdatedAt, c.Id, c.Version, Name(c.PayoutProfile!.Method), c.PayoutProfile.Currency, c.PayoutProfile.PayeeReference ?? "",
        Name(c.PayoutProfile.TaxFormStatus), c.PayoutProfile.IsComplete);

    public static CreatorErased Erased(Creator c) => new(c.BrandId, c.UpdatedAt, c.Id, c.Version);

    public static CreatorApproved Approved(Creator c) => new(c.BrandId, c.UpdatedAt, c.Id, c.Version, State(c));

    public static CreatorRejected Rejected(Creator c, string? reason) => new(c.BrandId, c.UpdatedAt, c.Id, c.Version, State(c), reason);

    public static CreatorSuspended Suspended(Creator c, string? reason) => new(c.BrandId, c.UpdatedAt, c.Id, c.Version, State(c), reason);

    public static CreatorReinstated Reinstated(Creator c) => new(c.BrandId, c.UpdatedAt, c.Id, c.Version, State(c));

    public static CreatorOffboarded Offboarded(Creator c) => new(c.BrandId, c.UpdatedAt, c.Id, c.Version, State(c));

    private static string Name<TEnum>(TEnum value) where TEnum : struct, Enum => SnakeCaseEnums.Name(value);
}

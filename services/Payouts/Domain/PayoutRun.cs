namespace AmbassadorNet.Payouts.Domain;

/// <summary>One payout run of a brand for a period end (unique): its batches and the creators it left out, with why.</summary>
public sealed class PayoutRun : BrandOwnedEntity
{
    public DateTimeOffset PeriodEnd { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public Guid CreatedByKeyId { get; set; }

    public List<RunExclusion> Exclusions { get; set; } = [];
}

/// <summary>A creator with a balance in a currency the run did not pay, and why (see <see cref="ExclusionReasons"/>).</summary>
public sealed record RunExclusion(Guid CreatorId, string Currency, decimal Balance, string Reason);

public static class ExclusionReasons
{
    public const string NothingOwed = "nothing_owed";
    public const string BelowMinimum = "below_minimum";
    public const string OnHold = "on_hold";
    public const string NoPayoutProfile = "no_payout_profile";
    public const string ProfileIncomplete = "profile_incomplete";
    public const string ProfileCurrencyMismatch = "profile_currency_mismatch";
    public const string TaxFormNotVerified = "tax_form_not_verified";
}

namespace AmbassadorNet.Payouts.Domain;

/// <summary>
/// The creators service's payout profile of a creator, newest creator version wins. A run pays a
/// creator only in the profile's currency, when it is complete and the tax form verified. An
/// erasure keeps a tombstone (so an older profile arriving late is ignored) with the reference scrubbed.
/// </summary>
public sealed class CreatorPayoutProfile : IBrandOwned
{
    public const string VerifiedTaxForm = "verified";

    public Guid CreatorId { get; set; }

    public Guid BrandId { get; set; }

    public long Version { get; set; }

    public string Method { get; set; } = "";

    public string Currency { get; set; } = "";

    [AmbassadorNet.Persistence.Auditing.PersonalData]
    public string PayeeReference { get; set; } = "";

    public string TaxFormStatus { get; set; } = "";

    public bool IsComplete { get; set; }

    public bool Erased { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

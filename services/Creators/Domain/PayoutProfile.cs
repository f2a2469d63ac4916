namespace AmbassadorNet.Creators.Domain;

/// <summary>How a creator is paid. The payee reference is the provider's id for them, never a bank or card number.</summary>
public sealed class PayoutProfile
{
    public Guid CreatorId { get; set; }

    public PayoutMethod Method { get; set; }

    public string Currency { get; set; } = "";

    [PersonalData]
    public string? PayeeReference { get; set; }

    public TaxFormStatus TaxFormStatus { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public bool IsComplete => !string.IsNullOrEmpty(PayeeReference) && !string.IsNullOrEmpty(Currency);
}

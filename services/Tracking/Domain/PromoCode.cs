namespace AmbassadorNet.Tracking.Domain;

/// <summary>A promo code, unique per brand ignoring case (<see cref="NormalizedCode"/> carries the unique index).</summary>
public sealed class PromoCode : EnrollmentCode
{
    public string NormalizedCode { get; set; } = "";
}

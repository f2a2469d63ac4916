namespace AmbassadorNet.Contracts.Tracking;

// Links and promo codes never change after issue except to be deactivated, so their events carry
// the whole code rather than a version.

/// <summary>
/// A tracking link was issued for an enrollment (on CreatorEnrolled, or on request), or for one of its
/// posts (<see cref="PostId"/>: on PostRecorded, or on request); <see cref="Url"/> is the public redirect.
/// </summary>
public sealed record TrackingLinkIssued(
    Guid BrandId, DateTimeOffset OccurredAt, Guid LinkId, string Code, string Url, Guid EnrollmentId, Guid CampaignId, Guid CreatorId,
    Guid? PostId = null) : IIntegrationEvent;

/// <summary>The link no longer redirects (404 from now on).</summary>
public sealed record TrackingLinkDeactivated(Guid BrandId, DateTimeOffset OccurredAt, Guid LinkId, string Code, Guid EnrollmentId) : IIntegrationEvent;

/// <summary>
/// A promo code was issued for an enrollment, or for one of its posts (<see cref="PostId"/>). Codes are unique per brand ignoring case. The shop
/// creates the code with <see cref="Discount"/> (the campaign's customer discount when the code was
/// issued; null when the campaign gives none) in <see cref="Currency"/>.
/// </summary>
public sealed record PromoCodeIssued(
    Guid BrandId, DateTimeOffset OccurredAt, Guid PromoCodeId, string Code, Guid EnrollmentId, Guid CampaignId, Guid CreatorId,
    CustomerDiscount? Discount, string Currency, Guid? PostId = null) : IIntegrationEvent;

/// <summary>The promo code no longer attributes orders; shops should retire it.</summary>
public sealed record PromoCodeDeactivated(Guid BrandId, DateTimeOffset OccurredAt, Guid PromoCodeId, string Code, Guid EnrollmentId) : IIntegrationEvent;

/// <summary>The customer discount of a promo code: exactly one of a percent (0–100) or an amount off in the campaign currency.</summary>
public sealed record CustomerDiscount(decimal? Percent, decimal? Amount);

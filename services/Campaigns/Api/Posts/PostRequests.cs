namespace AmbassadorNet.Campaigns.Api.Posts;

/// <summary>
/// Records a published post of an active enrollment. With <c>deliverableId</c> the post also
/// submits that deliverable (its format must fulfil the deliverable's type). <c>market</c> defaults
/// to the creator's country; <c>trackingLink</c> (default true) and <c>promoCode</c> (default false)
/// ask tracking for a link and a promo code of the post's own. With <c>experimentId</c> (an experiment
/// of the enrollment's campaign, running) the post takes part in it: in <c>variant</c> when the brand
/// assigns, drawn from the experiment's seed when it assigns at random.
/// </summary>
public sealed record RecordPostRequest(
    Guid? EnrollmentId,
    Guid? DeliverableId,
    string? Platform,
    string? Format,
    string? Url,
    DateTimeOffset? PublishedAt,
    string? Language,
    string? Market,
    string? Caption,
    bool? PaidPartnershipLabel,
    bool? TrackingLink,
    bool? PromoCode,
    Guid? ExperimentId = null,
    string? Variant = null);

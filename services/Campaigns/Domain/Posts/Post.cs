using AmbassadorNet.Campaigns.Domain.Disclosure;

namespace AmbassadorNet.Campaigns.Domain.Posts;

/// <summary>
/// A piece of content a creator published for a campaign: recorded on its own (always-on
/// programmes post more than they owe) or against a deliverable, which it then submits. What was
/// published never changes; erasing the creator removes the URL and caption and keeps the rest, so
/// the post's figures still add up.
/// </summary>
public sealed class Post : BrandOwnedEntity, ICreatorOwned
{
    /// <summary>Instagram's limit, the longest of the platforms'.</summary>
    public const int MaxCaption = 2200;

    public Guid CampaignId { get; set; }

    public Guid EnrollmentId { get; set; }

    public Guid CreatorId { get; set; }

    /// <summary>The deliverable this post was submitted for, if any.</summary>
    public Guid? DeliverableId { get; set; }

    /// <summary>A name of <see cref="Platforms.All"/>.</summary>
    public string Platform { get; set; } = "";

    public PostFormat Format { get; set; }

    /// <summary>Canonical (<see cref="PostUrls.Canonical"/>); null once the creator is erased.</summary>
    [PersonalData]
    public string? Url { get; set; }

    public DateTimeOffset PublishedAt { get; set; }

    /// <summary>ISO 639-1, lower case ("en").</summary>
    public string Language { get; set; } = "";

    /// <summary>ISO 3166-1 alpha-2, upper case: the country the post addresses.</summary>
    public string Market { get; set; } = "";

    [PersonalData]
    public string? Caption { get; set; }

    /// <summary>Whether the platform's own paid-partnership label ("Paid partnership", "Promotional content") was on.</summary>
    public bool PaidPartnershipLabel { get; set; }

    /// <summary>The creator's followers on this platform when the post was recorded, as their last stat snapshot said; null when unknown.</summary>
    public long? CreatorFollowers { get; set; }

    /// <summary>The experiment of its campaign the post takes part in, if any.</summary>
    public Guid? ExperimentId { get; set; }

    /// <summary>The key of the post's variant in <see cref="ExperimentId"/>.</summary>
    public string? Variant { get; set; }

    /// <summary>Asked tracking for a link of the post's own.</summary>
    public bool TrackingLinkRequested { get; set; }

    /// <summary>Asked tracking for a promo code of the post's own.</summary>
    public bool PromoCodeRequested { get; set; }

    public bool Erased { get; set; }

    /// <summary>The disclosure check's answer when the post was recorded (<see cref="DisclosureCheck"/>), or a manager's override of it.</summary>
    public DisclosureStatus DisclosureStatus { get; set; }

    /// <summary>The marker found in the caption, if that is what disclosed the post.</summary>
    public string? DisclosureMarker { get; set; }

    public bool DisclosureByLabel { get; set; }

    public string? DisclosureReason { get; set; }

    /// <summary>The manager's note accepting a missing disclosure: the brand's words, kept when the creator is erased.</summary>
    public string? DisclosureOverrideNote { get; set; }

    public Guid? DisclosureOverrideApiKeyId { get; set; }

    public DateTimeOffset? DisclosureOverriddenAt { get; set; }

    public long Version { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Removes what identifies the person: the URL (it often holds their handle) and the caption.</summary>
    public void Erase(DateTimeOffset now)
    {
        (Url, Caption, Erased, UpdatedAt) = (null, null, true, now);
        Version++;
    }
}

using AmbassadorNet.Contracts.Campaigns;

namespace Tracking.Tests;

/// <summary>The campaigns service's events as tracking receives them.</summary>
public static class Events
{
    public const string Destination = "https://shop.example.com/vegan-box?ref=home";

    public static CampaignState State(
        Guid campaignId, string status = "active", string destination = Destination, string[]? allowed = null, string name = "Spring Box", string currency = "USD", int windowDays = 30) =>
        new(campaignId, name, "sales", status, null, null, null, new CampaignTerms(
            1, DateTimeOffset.UtcNow, currency, windowDays, 30, new CommissionPlan("percent", 10m, null, []), destination,
            allowed ?? ["example.com"], new PromoDiscount(15m, null), null));

    public static CampaignLaunched Launched(
        Guid brand, Guid campaignId, string destination = Destination, string[]? allowed = null, string currency = "USD", int windowDays = 30) =>
        new(brand, DateTimeOffset.UtcNow, campaignId, 2, State(campaignId, destination: destination, allowed: allowed, currency: currency, windowDays: windowDays));

    public static CampaignPaused Paused(Guid brand, Guid campaignId, long version, string currency = "USD", int windowDays = 30) =>
        new(brand, DateTimeOffset.UtcNow, campaignId, version, State(campaignId, "paused", currency: currency, windowDays: windowDays));

    public static CampaignEnded Ended(Guid brand, Guid campaignId, long version, string currency = "USD", int windowDays = 30) =>
        new(brand, DateTimeOffset.UtcNow, campaignId, version, State(campaignId, "ended", currency: currency, windowDays: windowDays));

    public static CreatorEnrolled Enrolled(Guid brand, Guid campaignId, Guid enrollmentId, string? handle = "@jane.doe") =>
        new(brand, DateTimeOffset.UtcNow, enrollmentId, 2, new EnrollmentState(enrollmentId, campaignId, Guid.CreateVersion7(), "active", null, null), handle);

    /// <summary>A post of <paramref name="e"/> as the campaigns service announces it.</summary>
    public static PostRecorded PostRecorded(Enrollment e, Guid postId, bool link = true, bool promo = false) =>
        new(e.Brand, DateTimeOffset.UtcNow, postId, 1, new PostState(
            postId, e.EnrollmentId, e.CampaignId, e.CreatorId, null, "instagram", "reel", $"https://www.instagram.com/reel/{postId:N}", DateTimeOffset.UtcNow.AddHours(-1),
            "en", "US", "Loving it #ad", true, 20_000), link, promo);
}

namespace Campaigns.Tests;

/// <summary>Posts for tests: request bodies, and an active enrollment to record them for.</summary>
public static class PostBodies
{
    public const string Reel = "https://www.instagram.com/reel/C0abc123XYZ/";

    public static object Post(
        Guid enrollment, string url, string platform = "instagram", string format = "reel", string? caption = null, bool promoCode = false,
        Guid? deliverableId = null, int daysAgo = 0, Guid? experimentId = null, string? variant = null) => new
    {
        enrollmentId = enrollment, deliverableId, platform, format, url, publishedAt = DateTimeOffset.UtcNow.AddDays(-daysAgo).AddMinutes(-5),
        language = "EN", caption, paidPartnershipLabel = true, promoCode, experimentId, variant,
    };

    /// <summary>A launched campaign and an approved creator (20,000 followers on instagram) who accepted its invitation.</summary>
    public static async Task<(Guid Brand, Guid Campaign, Guid Enrollment, Guid Creator)> ActiveEnrollmentAsync(this CampaignsService service)
    {
        var brand = Guid.CreateVersion7();
        var campaign = await service.LaunchedAsync(brand, CampaignBodies.Complete());
        var creator = Guid.CreateVersion7();
        await service.PublishAsync(CampaignBodies.Approved(brand, creator));
        await service.ReplicaAtAsync(brand, creator, 2);
        var enrollment = (await service.ReadAsync(HttpMethod.Post, $"/api/campaigns/{campaign}/enrollments", brand, new { creatorId = creator })).GetProperty("id").GetGuid();
        await service.ReadAsync(HttpMethod.Post, $"/api/campaigns/{campaign}/enrollments/{enrollment}/accept", brand);
        return (brand, campaign, enrollment, creator);
    }
}

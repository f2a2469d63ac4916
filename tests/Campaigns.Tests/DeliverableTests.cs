using System.Net;
using System.Text.Json;

namespace Campaigns.Tests;

public sealed class DeliverableTests(CampaignsService service) : IClassFixture<CampaignsService>
{
    [Fact]
    public async Task A_deliverable_is_submitted_revised_and_approved_with_the_fee_in_force()
    {
        var (brand, campaign, enrollment) = await ActiveEnrollmentAsync();
        var path = $"/api/campaigns/{campaign}/enrollments/{enrollment}/deliverables";
        var id = (await service.ReadAsync(HttpMethod.Post, path, brand, new { type = "video", dueDate = "2026-12-01" })).GetProperty("id").GetGuid();

        var badUrl = await service.SendAsync(HttpMethod.Post, $"{path}/{id}/submit", brand, new { url = "http://insecure.example.com/v" });
        var approveEarly = await service.SendAsync(HttpMethod.Post, $"{path}/{id}/approve", brand);
        await service.ReadAsync(HttpMethod.Post, $"{path}/{id}/submit", brand, new { url = "https://video.example.com/v/1" });
        var revision = await service.ReadAsync(HttpMethod.Post, $"{path}/{id}/request-revision", brand, new { note = "Add the #ad disclosure" });
        await service.ReadAsync(HttpMethod.Post, $"{path}/{id}/submit", brand, new { url = "https://video.example.com/v/2" });
        var approved = await service.ReadAsync(HttpMethod.Post, $"{path}/{id}/approve", brand);
        var rejectApproved = await service.SendAsync(HttpMethod.Post, $"{path}/{id}/reject", brand);
        var events = (await service.EventsAsync(brand)).Where(e => e.MessageType.Contains(".Deliverable", StringComparison.Ordinal)).ToList();
        var approvedEvent = JsonDocument.Parse(events[^1].Body).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, badUrl.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, approveEarly.StatusCode);
        Assert.Equal("revision_requested", revision.GetProperty("status").GetString());
        Assert.Equal(("approved", "https://video.example.com/v/2"), (approved.GetProperty("status").GetString(), approved.GetProperty("submittedUrl").GetString()));
        Assert.Equal(HttpStatusCode.Conflict, rejectApproved.StatusCode);
        Assert.Equal(
            ["DeliverableAssigned", "DeliverableSubmitted", "DeliverableRevisionRequested", "DeliverableSubmitted", "DeliverableApproved"],
            events.Select(e => e.MessageType.Split(',')[0].Split('.')[^1]));
        Assert.Equal((50m, "USD"), (approvedEvent.GetProperty("fee").GetProperty("amount").GetDecimal(), approvedEvent.GetProperty("fee").GetProperty("currency").GetString()));
        Assert.Equal(5, approvedEvent.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task Deliverables_belong_to_active_enrollments_and_a_rejection_is_final()
    {
        var (brand, campaign, enrollment) = await ActiveEnrollmentAsync();
        var path = $"/api/campaigns/{campaign}/enrollments/{enrollment}/deliverables";
        var id = (await service.ReadAsync(HttpMethod.Post, path, brand, new { type = "post", dueDate = "2026-12-01" })).GetProperty("id").GetGuid();
        await service.ReadAsync(HttpMethod.Post, $"{path}/{id}/submit", brand, new { url = "https://post.example.com/p/1" });

        var rejected = await service.ReadAsync(HttpMethod.Post, $"{path}/{id}/reject", brand, new { note = "Off brief" });
        var resubmit = await service.SendAsync(HttpMethod.Post, $"{path}/{id}/submit", brand, new { url = "https://post.example.com/p/2" });
        var badType = await service.SendAsync(HttpMethod.Post, path, brand, new { type = "podcast" });
        await service.ReadAsync(HttpMethod.Post, $"/api/campaigns/{campaign}/enrollments/{enrollment}/remove", brand);
        var afterRemoval = await service.SendAsync(HttpMethod.Post, path, brand, new { type = "post", dueDate = "2026-12-01" });

        Assert.Equal(("rejected", "Off brief"), (rejected.GetProperty("status").GetString(), rejected.GetProperty("reviewNote").GetString()));
        Assert.Equal(HttpStatusCode.Conflict, resubmit.StatusCode);
        Assert.Equal(["dueDate", "type"], await badType.ErrorFieldsAsync());
        Assert.Equal(HttpStatusCode.Conflict, afterRemoval.StatusCode);
    }

    [Fact]
    public async Task The_quota_report_lists_active_creators_behind_this_month()
    {
        var (brand, campaign, behind) = await ActiveEnrollmentAsync(quotas: [new { type = "post", perMonth = 2 }, new { type = "story", perMonth = 1 }]);
        var onTrack = await EnrollAsync(brand, campaign);
        foreach (var (enrollment, type) in new[] { (onTrack, "post"), (onTrack, "post"), (onTrack, "story"), (behind, "post") })
        {
            var path = $"/api/campaigns/{campaign}/enrollments/{enrollment}/deliverables";
            var id = (await service.ReadAsync(HttpMethod.Post, path, brand, new { type, dueDate = "2026-12-01" })).GetProperty("id").GetGuid();
            await service.ReadAsync(HttpMethod.Post, $"{path}/{id}/submit", brand, new { url = $"https://{type}.example.com/{id}" });
        }

        var report = await service.ReadAsync(HttpMethod.Get, $"/api/campaigns/{campaign}/quota-report", brand);
        var lastYear = await service.ReadAsync(HttpMethod.Get, $"/api/campaigns/{campaign}/quota-report?month={DateTimeOffset.UtcNow.AddYears(-1):yyyy-MM}", brand);
        var rows = report.GetProperty("behind").EnumerateArray()
            .Select(r => (r.GetProperty("enrollmentId").GetGuid(), r.GetProperty("type").GetString(), r.GetProperty("required").GetInt32(), r.GetProperty("delivered").GetInt32())).ToList();

        Assert.Equal([(behind, "post", 2, 1), (behind, "story", 1, 0)], rows);
        Assert.Equal(4, lastYear.GetProperty("behind").GetArrayLength()); // nothing was submitted then: both are behind on both
    }

    private async Task<(Guid Brand, Guid Campaign, Guid Enrollment)> ActiveEnrollmentAsync(object[]? quotas = null)
    {
        var brand = Guid.CreateVersion7();
        var campaign = await service.LaunchedAsync(brand, CampaignBodies.Complete(quotas: quotas));
        return (brand, campaign, await EnrollAsync(brand, campaign));
    }

    private async Task<Guid> EnrollAsync(Guid brand, Guid campaign)
    {
        var creator = Guid.CreateVersion7();
        await service.PublishAsync(CampaignBodies.Approved(brand, creator));
        await service.ReplicaAtAsync(brand, creator, 2);
        var enrollment = (await service.ReadAsync(HttpMethod.Post, $"/api/campaigns/{campaign}/enrollments", brand, new { creatorId = creator })).GetProperty("id").GetGuid();
        await service.ReadAsync(HttpMethod.Post, $"/api/campaigns/{campaign}/enrollments/{enrollment}/accept", brand);
        return enrollment;
    }
}

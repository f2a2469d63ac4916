using System.Net;
using AmbassadorNet.Contracts.Creators;
using AmbassadorNet.TestKit.Waiting;

namespace Tracking.Tests;

public sealed class ErasureTests(TrackingService service) : IClassFixture<TrackingService>
{
    [Fact]
    public async Task An_erased_creators_handle_leaves_the_redirects_and_an_enrollment_arriving_later_brings_none()
    {
        var (brand, campaign, enrollment) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        var enrolled = Events.Enrolled(brand, campaign, enrollment, handle: "@jane.doe");
        await service.PublishAsync(Events.Launched(brand, campaign));
        await service.PublishAsync(enrolled);
        var link = (await service.CodesOfAsync(brand, enrollment)).Link;
        var before = await UtmContentAsync(link);

        var erasure = new CreatorErased(brand, DateTimeOffset.UtcNow, enrolled.Enrollment.CreatorId, 9);
        var (erasureId, republishedId) = (Guid.NewGuid(), Guid.NewGuid());
        await service.PublishAsync(erasure, erasureId);
        var after = await Eventually.UntilAsync(_ => UtmContentAsync(link), content => content != before, "the redirect without the handle");
        // The same creator enrolled in another campaign, delivered after the erasure (late, or replayed from parking).
        var (laterCampaign, laterEnrollment) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        await service.PublishAsync(Events.Launched(brand, laterCampaign));
        await service.PublishAsync(enrolled with { EnrollmentId = laterEnrollment, Enrollment = enrolled.Enrollment with { EnrollmentId = laterEnrollment, CampaignId = laterCampaign } });
        var (laterLink, laterPromo) = await service.CodesOfAsync(brand, laterEnrollment);
        // The same erasure delivered twice, then re-published under a new id: applied once, nothing fails.
        await service.PublishAsync(erasure, erasureId);
        await service.PublishAsync(erasure, republishedId);
        await Eventually.UntilAsync(_ => service.ScalarAsync<long>("SELECT count(*) FROM inbox_messages WHERE message_id = ANY(@ids)", ("ids", new[] { erasureId, republishedId })),
            n => n == 2, "both erasures applied");
        var tombstones = await service.ScalarAsync<long>("SELECT count(*) FROM erased_creators WHERE creator_id = @id", ("id", erasure.CreatorId));

        Assert.Equal("%40jane.doe", before);
        Assert.Equal(link, after);
        Assert.Equal(laterLink, await UtmContentAsync(laterLink));
        Assert.DoesNotContain("JANE", laterPromo, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(link, await UtmContentAsync(link));
        Assert.Equal(1, tombstones);
    }

    private async Task<string> UtmContentAsync(string code)
    {
        var response = await service.Http.GetAsync($"/r/{code}");
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        var query = response.Headers.Location!.Query.TrimStart('?').Split('&');
        return query.Single(pair => pair.StartsWith("utm_content=", StringComparison.Ordinal))["utm_content=".Length..];
    }
}

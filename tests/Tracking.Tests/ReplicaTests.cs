using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AmbassadorNet.Security;
using AmbassadorNet.TestKit.Services;
using AmbassadorNet.TestKit.Waiting;

namespace Tracking.Tests;

public sealed class ReplicaTests(TrackingService service) : IClassFixture<TrackingService>
{
    [Fact]
    public async Task A_code_issued_on_one_replica_reaches_the_memory_of_another_and_so_does_its_deactivation()
    {
        await using var other = await service.StartReplicaAsync();
        var (brand, campaign, enrollment) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        await service.PublishAsync(Events.Launched(brand, campaign));
        await service.PublishAsync(Events.Enrolled(brand, campaign, enrollment));
        await service.CodesOfAsync(brand, enrollment);
        var before = await LinksInMemoryAsync(other);

        var created = await service.ReadAsync(HttpMethod.Post, "/api/links", brand, new { enrollmentId = enrollment });
        var inMemory = await Eventually.UntilAsync(_ => LinksInMemoryAsync(other), n => n == before + 1, "the new code in the other replica's memory");
        var redirect = await other.Http.GetAsync($"/r/{created.GetProperty("code").GetString()}");
        await service.ReadAsync(HttpMethod.Post, $"/api/links/{created.GetProperty("id").GetGuid()}/deactivate", brand);
        var afterDeactivation = await Eventually.UntilAsync(_ => LinksInMemoryAsync(other), n => n == before, "the code gone from the other replica's memory");
        var gone = await other.Http.GetAsync($"/r/{created.GetProperty("code").GetString()}");

        Assert.Equal(before + 1, inMemory);
        Assert.Equal(HttpStatusCode.Found, redirect.StatusCode);
        Assert.Equal(before, afterDeactivation);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    private async Task<int> LinksInMemoryAsync(ServiceReplica host)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/ops/redirect-stats");
        request.Headers.Authorization = new("Bearer", service.Tokens.Mint(TrackingService.Audience, Guid.Empty, [Roles.Operator]));
        var stats = await (await host.Http.SendAsync(request)).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();
        return stats.GetProperty("linksInMemory").GetInt32();
    }
}

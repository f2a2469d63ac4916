using AmbassadorNet.Campaigns;
using AmbassadorNet.Campaigns.Domain;
using AmbassadorNet.Campaigns.Persistence;
using AmbassadorNet.TestKit.Services;
using AmbassadorNet.TestKit.Waiting;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.Tests;

/// <summary>The campaigns service as it ships (<see cref="CampaignsApp"/>) on a loopback port, with its own database and vhost.</summary>
public sealed class CampaignsService() : ServiceUnderTest<CampaignsDbContext>(CampaignsApp.Name, CampaignsDbContext.Migrations, CampaignsApp.Create)
{
    /// <summary>The expiry and notice jobs look often, so a test sees an agreement expire, or usage rights noticed, within a second.</summary>
    protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Agreements:ExpiryInterval", "00:00:00.200"), new("UsageRights:NoticeInterval", "00:00:00.200")];

    /// <summary>Drafts a campaign and returns its id.</summary>
    public async Task<Guid> DraftAsync(Guid brand, object? body = null) =>
        (await ReadAsync(HttpMethod.Post, "/api/campaigns", brand, body ?? CampaignBodies.Complete())).GetProperty("id").GetGuid();

    /// <summary>Drafts and launches a complete campaign.</summary>
    public async Task<Guid> LaunchedAsync(Guid brand, object? body = null)
    {
        var id = await DraftAsync(brand, body);
        await ReadAsync(HttpMethod.Post, $"/api/campaigns/{id}/launch", brand);
        return id;
    }

    /// <summary>Sends a request as <paramref name="brand"/> with <paramref name="roles"/> (admin when none) under the API key <paramref name="apiKey"/>.</summary>
    public Task<HttpResponseMessage> SendWithKeyAsync(HttpMethod method, string path, Guid brand, object? body, Guid apiKey, params string[] roles) =>
        Http.SendAsync(Request(method, path, brand, body, roles.Length == 0 ? DefaultRoles : roles, apiKey));

    /// <summary>The creator as the replica holds it (events from the creators service).</summary>
    public Task<CreatorReplica?> ReplicaAsync(Guid brand, Guid creatorId) =>
        QueryAsync(brand, db => db.Creators.AsNoTracking().SingleOrDefaultAsync(c => c.CreatorId == creatorId));

    /// <summary>Waits until the replica holds the creator at <paramref name="version"/> or later.</summary>
    public Task<CreatorReplica?> ReplicaAtAsync(Guid brand, Guid creatorId, long version) =>
        Eventually.UntilAsync(_ => ReplicaAsync(brand, creatorId), r => r?.Version >= version, $"creator {creatorId} at version {version}");
}

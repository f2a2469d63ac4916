using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using AmbassadorNet.Gateway.Api;
using AmbassadorNet.Security;
using AmbassadorNet.TestKit;
using Gateway.Tests.Support;

namespace Gateway.Tests;

public sealed class RevocationTests(RevocationFixture fixture) : IClassFixture<RevocationFixture>
{
    [Fact]
    public async Task A_revoked_key_is_refused_at_once_by_the_instance_that_revoked_it()
    {
        var key = await fixture.CreateKeyAsync(fixture.AdminKey, "soon revoked", [Roles.Analyst]);
        using var client = fixture.Gateway.Client(key.Key);
        using var admin = fixture.Gateway.Client(fixture.AdminKey);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/creators")).StatusCode);

        var revoke = await admin.DeleteAsync($"/api/api-keys/{key.Id}");
        var after = await client.GetAsync("/api/creators");
        var again = await admin.DeleteAsync($"/api/api-keys/{key.Id}");
        var listed = (await admin.GetFromJsonAsync<ApiKeyPage>("/api/api-keys?limit=200"))!.Items.Single(k => k.Id == key.Id);

        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        var problem = await after.AssertProblemAsync(401);
        Assert.Contains("revoked", problem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.NoContent, again.StatusCode);
        Assert.NotNull(listed.RevokedAt);
    }

    [Fact]
    public async Task Another_instance_stops_accepting_a_revoked_key_within_a_second_though_its_cache_would_keep_it_five_minutes()
    {
        await fixture.StartSecondAsync();
        var key = await fixture.CreateKeyAsync(fixture.AdminKey, "used on both", [Roles.Manager]);
        using var onFirst = fixture.Gateway.Client(key.Key);
        using var onSecond = fixture.Second.Client(key.Key);
        // Both instances have now looked the key up and cached it as valid.
        Assert.Equal(HttpStatusCode.OK, (await onFirst.GetAsync("/api/campaigns")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await onSecond.GetAsync("/api/campaigns")).StatusCode);

        using var admin = fixture.Gateway.Client(fixture.AdminKey);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/api-keys/{key.Id}")).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, await StatusOnceAcceptedNoLongerAsync(onSecond, "revocation"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await onFirst.GetAsync("/api/campaigns")).StatusCode);
    }

    [Fact]
    public async Task Another_instance_refuses_a_deactivated_members_key_within_a_second()
    {
        await fixture.StartSecondAsync();
        var (member, key) = await fixture.CreateMemberAsync(fixture.AdminKey, "Leaving Lea", Roles.Manager);
        using var onSecond = fixture.Second.Client(key.Key);
        Assert.Equal(HttpStatusCode.OK, (await onSecond.GetAsync("/api/campaigns")).StatusCode);

        using var admin = fixture.Gateway.Client(fixture.AdminKey);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/members/{member.Id}/deactivate", null)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, await StatusOnceAcceptedNoLongerAsync(onSecond, "deactivation"));
    }

    [Fact]
    public async Task Another_instance_signs_the_creator_a_member_is_linked_to_into_their_keys_token_within_a_second()
    {
        await fixture.StartSecondAsync();
        var (member, key) = await fixture.CreateMemberAsync(fixture.AdminKey, "Fay Twice", Roles.Finance);
        using var onSecond = fixture.Second.Client(key.Key);
        Assert.Null(await onSecond.MemberCreatorSeenUpstreamAsync());
        var creator = Guid.CreateVersion7(); // the echo behind the gateway answers for any creator

        using var admin = fixture.Gateway.Client(fixture.AdminKey);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/members/{member.Id}/creator", new MemberCreatorRequest(creator))).StatusCode);
        var clock = Stopwatch.StartNew();
        string? seen;
        do
        {
            seen = await onSecond.MemberCreatorSeenUpstreamAsync();
        }
        while (seen is null && clock.Elapsed < TestTimeouts.Scaled(TimeSpan.FromSeconds(1)));

        TestContext.Current.TestOutputHelper?.WriteLine($"the link reached the second instance after {clock.Elapsed.TotalMilliseconds:F0} ms");
        Assert.Equal(creator.ToString(), seen);
    }

    /// <summary>Polls for up to a second until the key is no longer accepted; the status then (or the last one).</summary>
    private static async Task<HttpStatusCode> StatusOnceAcceptedNoLongerAsync(HttpClient client, string change)
    {
        var clock = Stopwatch.StartNew();
        var deadline = TestTimeouts.Scaled(TimeSpan.FromSeconds(1));
        HttpStatusCode status;
        do
        {
            status = (await client.GetAsync("/api/campaigns")).StatusCode;
        }
        // 429 is the key still accepted (limits come after authentication) and its bucket emptied by this loop.
        while (status is HttpStatusCode.OK or HttpStatusCode.TooManyRequests && clock.Elapsed < deadline);

        TestContext.Current.TestOutputHelper?.WriteLine($"{change} reached the second instance after {clock.Elapsed.TotalMilliseconds:F0} ms");
        return status;
    }
}

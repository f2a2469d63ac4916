using AmbassadorNet.Security;
using Gateway.Tests.Support;

namespace Gateway.Tests;

/// <summary>
/// The gateway signs an internal token once per caller and service and reuses it for a third of its
/// lifetime (issue #27), so the services can recognise a token they have already validated.
/// </summary>
public sealed class TokenReuseTests(ShortTokenFixture fixture) : IClassFixture<ShortTokenFixture>
{
    [Fact]
    public async Task A_callers_token_for_a_service_is_reused_then_replaced_and_never_shared_with_another_caller_or_service()
    {
        using var admin = fixture.Gateway.Client(fixture.AdminKey);
        using var finance = fixture.Gateway.Client(fixture.KeysByRole[Roles.Finance].Key);

        var first = await ForwardedTokenAsync(admin, "/api/creators");
        var again = await ForwardedTokenAsync(admin, "/api/creators");
        var anotherService = await ForwardedTokenAsync(admin, "/api/campaigns");
        var anotherCaller = await ForwardedTokenAsync(finance, "/api/creators");
        await Task.Delay(ShortTokenFixture.TokenLifetime / 3 + TimeSpan.FromMilliseconds(500));
        var later = await ForwardedTokenAsync(admin, "/api/creators");

        Assert.Equal(first, again);
        Assert.NotEqual(first, anotherService);
        Assert.NotEqual(first, anotherCaller);
        Assert.NotEqual(first, later);
    }

    private static async Task<string> ForwardedTokenAsync(HttpClient client, string path) =>
        (await (await client.GetAsync(path)).JsonAsync()).ReceivedHeader("Authorization")!;
}

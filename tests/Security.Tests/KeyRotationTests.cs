using System.Net;
using AmbassadorNet.Security;
using AmbassadorNet.Security.Testing;
using Security.Tests.Support;

namespace Security.Tests;

public sealed class KeyRotationTests
{
    [Fact]
    public async Task During_a_rotation_both_keys_validate_and_after_it_the_old_one_is_refused()
    {
        using var oldKey = new TestTokens("gateway-2025");
        using var newKey = new TestTokens("gateway-2026");
        var withBoth = new Dictionary<string, string?>(oldKey.ConfigurationFor(TestApp.Audience))
        {
            [newKey.PublicKeyConfigurationKey] = newKey.PublicKeyPem,
        };
        await using var app = await TestApp.StartAsync(withBoth);

        Assert.Equal(HttpStatusCode.OK, (await app.GetAsync("/catalog", Mint(oldKey))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.GetAsync("/catalog", Mint(newKey))).StatusCode);

        // The old key leaves the configuration while the service runs, as a reloaded settings file would.
        app.Settings.Replace(newKey.ConfigurationFor(TestApp.Audience));

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.GetAsync("/catalog", Mint(oldKey))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.GetAsync("/catalog", Mint(newKey))).StatusCode);
        Assert.EndsWith("unknown signing key", app.Logs.Lines.Last(l => l.StartsWith("Internal token refused", StringComparison.Ordinal)).Trim(), StringComparison.Ordinal);
    }

    private static string Mint(TestTokens tokens) => tokens.Mint(TestApp.Audience, Guid.CreateVersion7(), [Roles.Analyst]);
}

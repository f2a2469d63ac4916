using System.Net;
using System.Security.Cryptography;
using AmbassadorNet.Security;
using AmbassadorNet.Security.Testing;
using Microsoft.Extensions.Options;
using Security.Tests.Support;

namespace Security.Tests;

public sealed class StartupTests : IDisposable
{
    private readonly TestTokens _tokens = new();

    [Fact]
    public async Task A_service_without_an_audience_does_not_start()
    {
        var settings = new Dictionary<string, string?>(_tokens.ConfigurationFor(TestApp.Audience)) { ["InternalAuth:Audience"] = "" };

        await Assert.ThrowsAsync<OptionsValidationException>(() => TestApp.StartAsync(settings));
    }

    [Fact]
    public async Task A_service_without_public_keys_does_not_start()
    {
        var settings = new Dictionary<string, string?> { ["InternalAuth:Audience"] = TestApp.Audience };

        await Assert.ThrowsAsync<OptionsValidationException>(() => TestApp.StartAsync(settings));
    }

    [Fact]
    public async Task A_private_key_or_another_curve_in_the_public_keys_stops_the_start()
    {
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        var withPrivate = new Dictionary<string, string?>(_tokens.ConfigurationFor(TestApp.Audience))
        {
            [_tokens.PublicKeyConfigurationKey] = _tokens.Key.ExportPkcs8PrivateKeyPem(),
        };
        var withP384 = new Dictionary<string, string?>(_tokens.ConfigurationFor(TestApp.Audience))
        {
            [_tokens.PublicKeyConfigurationKey] = p384.ExportSubjectPublicKeyInfoPem(),
        };

        var privateFailure = await Assert.ThrowsAsync<OptionsValidationException>(() => TestApp.StartAsync(withPrivate));
        await Assert.ThrowsAsync<OptionsValidationException>(() => TestApp.StartAsync(withP384));
        Assert.Contains($"InternalAuth:PublicKeys:{TestTokens.DefaultKeyId}", privateFailure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Token_lifetime_is_judged_by_the_services_injected_clock()
    {
        // The service runs an hour ahead (as the Testing offset clock can make it): a token minted on
        // real time is expired for it, one minted on the service's time is not.
        var clock = ManualClock.Shifted(TimeSpan.FromHours(1));
        using var shifted = new TestTokens(timeProvider: clock);
        await using var app = await TestApp.StartAsync(shifted.ConfigurationFor(TestApp.Audience), clock);

        var realTimeIssuer = new InternalTokenIssuer(shifted.Key, shifted.KeyId, TimeProvider.System);
        using var onRealTime = await app.GetAsync("/catalog", realTimeIssuer.Issue(TestApp.Audience, Guid.CreateVersion7(), [Roles.Admin], InternalCaller.Member(Guid.CreateVersion7())));
        using var onServiceTime = await app.GetAsync("/catalog", shifted.Mint(TestApp.Audience, Guid.CreateVersion7(), [Roles.Admin], InternalCaller.Member(Guid.CreateVersion7())));

        Assert.Equal(HttpStatusCode.Unauthorized, onRealTime.StatusCode);
        Assert.Equal(HttpStatusCode.OK, onServiceTime.StatusCode);
    }

    public void Dispose() => _tokens.Dispose();
}

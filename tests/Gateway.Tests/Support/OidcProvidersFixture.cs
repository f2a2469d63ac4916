using AmbassadorNet.Gateway.Identity.Oidc;
using AmbassadorNet.TestOidc;

namespace Gateway.Tests.Support;

/// <summary>
/// Two brands, each with its own real OpenID Connect provider, a third brand sharing the first brand's
/// provider under another audience, and a provider no brand trusts; one validator in Testing.
/// </summary>
public sealed class OidcProvidersFixture : IAsyncLifetime
{
    public const string AudienceA = "ambassadornet-brand-a";
    public const string AudienceB = "ambassadornet-brand-b";
    public const string AudienceC = "ambassadornet-brand-c";

    public TestOidcProvider ProviderA { get; private set; } = null!;

    public TestOidcProvider ProviderB { get; private set; } = null!;

    public TestOidcProvider Stranger { get; private set; } = null!;

    public OidcValidatorHost Host { get; } = new();

    public BrandIdentityProvider BrandA { get; private set; } = null!;

    public BrandIdentityProvider BrandB { get; private set; } = null!;

    public BrandIdentityProvider BrandC { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        ProviderA = await TestOidcProvider.StartAsync();
        ProviderB = await TestOidcProvider.StartAsync();
        Stranger = await TestOidcProvider.StartAsync();
        BrandA = Host.Trust(ProviderA, AudienceA);
        BrandB = Host.Trust(ProviderB, AudienceB);
        BrandC = Host.Trust(ProviderA, AudienceC);
    }

    public async ValueTask DisposeAsync()
    {
        Host.Dispose();
        await ProviderA.DisposeAsync();
        await ProviderB.DisposeAsync();
        await Stranger.DisposeAsync();
    }
}

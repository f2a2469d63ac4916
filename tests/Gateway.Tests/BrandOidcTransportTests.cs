using AmbassadorNet.Gateway.Identity.Oidc;
using AmbassadorNet.TestOidc;
using Gateway.Tests.Support;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;

namespace Gateway.Tests;

/// <summary>A provider's metadata is read over HTTPS; plain HTTP only for a loopback issuer in Development or Testing.</summary>
public sealed class BrandOidcTransportTests
{
    private const string Audience = "ambassadornet-transport";
    private static readonly TestOidcUser Ann = new("00u-ann", "Ann Example", "ann@brand.example", ["marketing"]);

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public async Task Plain_http_metadata_is_refused_outside_development_and_testing_and_never_read(string environment)
    {
        await using var provider = await TestOidcProvider.StartAsync();
        using var host = new OidcValidatorHost(environment);
        host.Trust(provider, Audience);
        var token = await provider.SignInAsync(Ann, Audience);

        var result = await host.ValidateAsync(token);

        Assert.Null(result.SignIn);
        Assert.Equal(OidcRefusal.Of(OidcRefusalReason.InsecureMetadata), result.Refusal);
        Assert.Equal(0, provider.Requests(TestOidcProvider.DiscoveryPath));
        Assert.Equal(0, provider.Requests(TestOidcProvider.KeySetPath));
    }

    [Fact]
    public async Task Plain_http_metadata_of_a_loopback_issuer_is_read_in_development()
    {
        await using var provider = await TestOidcProvider.StartAsync();
        using var host = new OidcValidatorHost(Environments.Development);
        var brand = host.Trust(provider, Audience);

        var result = await host.ValidateAsync(await provider.SignInAsync(Ann, Audience));

        Assert.Equal(brand.BrandId, result.SignIn?.BrandId);
    }

    [Fact]
    public async Task A_provider_whose_metadata_cannot_be_read_is_named_as_such()
    {
        var provider = await TestOidcProvider.StartAsync();
        using var host = new OidcValidatorHost();
        host.Trust(provider, Audience);
        var token = await provider.SignInAsync(Ann, Audience);
        await provider.DisposeAsync();

        var result = await host.ValidateAsync(token);

        Assert.Null(result.SignIn);
        Assert.Equal(OidcRefusal.Of(OidcRefusalReason.MetadataUnavailable), result.Refusal);
    }

    [Theory]
    [InlineData("https://login.brand.example/", "Production", true)]
    [InlineData("http://127.0.0.1:8080/", "Testing", true)]
    [InlineData("http://127.0.0.9:8080/realms/brand/", "Development", true)]
    [InlineData("http://[::1]:8080/", "Development", true)]
    [InlineData("http://127.0.0.1:8080/", "Production", false)]
    [InlineData("http://localhost:8080/", "Development", false)]
    [InlineData("http://10.0.0.5/", "Testing", false)]
    [InlineData("http://login.brand.example/", "Development", false)]
    [InlineData("ftp://127.0.0.1/", "Testing", false)]
    public void The_transport_rule(string issuer, string environment, bool allowed)
    {
        var host = new HostingEnvironment { EnvironmentName = environment };

        Assert.Equal(allowed, OidcMetadataTransport.Allows(new Uri(issuer), host));
    }
}

using System.Security.Cryptography;
using AmbassadorNet.Gateway.Identity.Oidc;
using AmbassadorNet.TestOidc;
using Gateway.Tests.Support;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Gateway.Tests;

/// <summary>A brand's provider rotates its signing key: the gateway follows without a restart, and stops trusting the withdrawn key.</summary>
public sealed class BrandOidcKeyRotationTests : IAsyncLifetime
{
    private const string Audience = "ambassadornet-rotation";
    private static readonly TestOidcUser Ann = new("00u-ann", "Ann Example", "ann@brand.example", ["ambassador-admins"]);

    private readonly OidcValidatorHost _host = new();
    private TestOidcProvider _provider = null!;
    private BrandIdentityProvider _brand = null!;

    public async ValueTask InitializeAsync()
    {
        _provider = await TestOidcProvider.StartAsync();
        _brand = _host.Trust(_provider, Audience);
    }

    [Fact]
    public async Task The_metadata_is_read_once_per_issuer_and_cached()
    {
        for (var i = 0; i < 3; i++)
        {
            var result = await _host.ValidateAsync(await _provider.SignInAsync(Ann, Audience));
            Assert.Equal(_brand.BrandId, result.SignIn?.BrandId);
        }

        Assert.Equal(1, _provider.Requests(TestOidcProvider.DiscoveryPath));
        Assert.Equal(1, _provider.Requests(TestOidcProvider.KeySetPath));
    }

    [Fact]
    public async Task After_a_rotation_new_tokens_validate_at_once_and_tokens_of_the_withdrawn_key_are_refused()
    {
        var before = await _provider.SignInAsync(Ann, Audience);
        Assert.True((await _host.ValidateAsync(before)).Succeeded);
        var oldKid = _provider.SigningKeyId;

        var newKid = _provider.RotateSigningKey();
        var after = await _provider.SignInAsync(Ann, Audience);
        var first = await _host.ValidateAsync(after);
        var withdrawn = await _host.ValidateAsync(before);

        Assert.NotEqual(oldKid, newKid);
        Assert.Null(first.Refusal);
        Assert.Equal(_brand.BrandId, first.SignIn!.BrandId);
        Assert.Equal(OidcRefusal.Of(OidcRefusalReason.UnknownKey), withdrawn.Refusal);
        // The unknown kid cost one more read of the keys, not one per token.
        Assert.Equal(2, _provider.Requests(TestOidcProvider.KeySetPath));
    }

    [Fact]
    public async Task Tokens_signed_with_keys_the_provider_never_published_are_refused_and_cost_one_extra_read_of_its_keys()
    {
        Assert.True((await _host.ValidateAsync(await _provider.SignInAsync(Ann, Audience))).Succeeded);

        // What someone without the provider's key can make: its issuer and the brand's audience, their own key.
        var forged = Enumerable.Range(0, 5).Select(_ => Forge(_provider.Issuer, Audience)).ToList();
        var results = new List<OidcValidationResult>();
        foreach (var token in forged)
        {
            results.Add(await _host.ValidateAsync(token));
        }

        Assert.All(results, result => Assert.Equal(OidcRefusal.Of(OidcRefusalReason.UnknownKey), result.Refusal));
        Assert.Equal(2, _provider.Requests(TestOidcProvider.KeySetPath));
    }

    private static string Forge(string issuer, string audience)
    {
        using var rsa = RSA.Create(2048);
        var key = new RsaSecurityKey(rsa.ExportParameters(includePrivateParameters: true)) { KeyId = Guid.NewGuid().ToString("N") };
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Claims = new Dictionary<string, object> { ["sub"] = "00u-ann", [TestOidcUser.GroupsClaim] = new[] { "ambassador-admins" } },
            Expires = DateTime.UtcNow.AddMinutes(10),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
    }

    public async ValueTask DisposeAsync()
    {
        _host.Dispose();
        await _provider.DisposeAsync();
    }
}

using System.Text.Json;
using AmbassadorNet.Security;
using AmbassadorNet.Security.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Security.Tests.Support;

namespace Security.Tests;

public sealed class IssuerTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, 250, TimeSpan.Zero);

    private readonly TestTokens _tokens = new(timeProvider: new ManualClock(Now));

    [Theory]
    [InlineData(61)]
    [InlineData(3600)]
    [InlineData(0)]
    [InlineData(-1)]
    public void The_issuer_refuses_a_lifetime_outside_one_to_60_seconds(int seconds)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            _tokens.Mint(TestApp.Audience, Guid.CreateVersion7(), [Roles.Admin], lifetime: TimeSpan.FromSeconds(seconds)));
    }

    [Fact]
    public void The_issuer_refuses_unknown_roles_no_roles_and_a_missing_brand_outside_operator_calls()
    {
        Assert.Throws<ArgumentException>(() => _tokens.Mint(TestApp.Audience, Guid.CreateVersion7(), ["root"]));
        Assert.Throws<ArgumentException>(() => _tokens.Mint(TestApp.Audience, Guid.CreateVersion7(), []));
        Assert.Throws<ArgumentException>(() => _tokens.Mint(TestApp.Audience, Guid.Empty, [Roles.Admin]));
    }

    [Fact]
    public void The_issuer_binds_the_creator_role_alone_to_exactly_one_creator()
    {
        var brand = Guid.CreateVersion7();
        var creator = Guid.CreateVersion7();

        var token = new JsonWebToken(_tokens.Mint(TestApp.Audience, brand, [Roles.Creator], creatorId: creator));

        Assert.Equal(creator.ToString(), token.GetPayloadValue<string>(InternalToken.CreatorClaim));
        Assert.Throws<ArgumentException>(() => _tokens.Mint(TestApp.Audience, brand, [Roles.Creator]));
        Assert.Throws<ArgumentException>(() => _tokens.Mint(TestApp.Audience, brand, [Roles.Creator, Roles.Manager], creatorId: creator));
        Assert.Throws<ArgumentException>(() => _tokens.Mint(TestApp.Audience, brand, [Roles.Manager], creatorId: creator));
        Assert.Throws<ArgumentException>(() => _tokens.Mint(TestApp.Audience, brand, [Roles.Creator], creatorId: Guid.Empty));
    }

    [Fact]
    public void A_token_has_the_contracted_header_and_claims()
    {
        var brandId = Guid.CreateVersion7();
        var keyId = Guid.CreateVersion7();

        var token = new JsonWebToken(_tokens.Mint(TestApp.Audience, brandId, [Roles.Finance, Roles.Admin], keyId, TimeSpan.FromSeconds(60)));

        Assert.Equal("ES256", token.Alg);
        Assert.Equal("JWT", token.Typ);
        Assert.Equal(TestTokens.DefaultKeyId, token.Kid);
        Assert.Equal([TestApp.Audience], token.Audiences);
        Assert.Equal(Now.ToUnixTimeSeconds(), token.GetPayloadValue<long>("iat"));
        Assert.Equal(Now.ToUnixTimeSeconds() + 60, token.GetPayloadValue<long>("exp"));
        Assert.True(Guid.TryParse(token.Id, out _));
        Assert.Equal(brandId.ToString(), token.GetPayloadValue<string>("brand"));
        Assert.Equal(keyId.ToString(), token.GetPayloadValue<string>("keyId"));
        var roles = JsonDocument.Parse(Base64UrlDecode(token.EncodedPayload)).RootElement.GetProperty("roles");
        Assert.Equal(JsonValueKind.Array, roles.ValueKind);
        Assert.Equal(["finance", "admin"], roles.EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public void The_default_lifetime_is_30_seconds_and_an_operator_token_has_no_key_id()
    {
        var token = new JsonWebToken(_tokens.Mint(TestApp.Audience, Guid.Empty, [Roles.Operator]));

        Assert.Equal(30, token.GetPayloadValue<long>("exp") - token.GetPayloadValue<long>("iat"));
        Assert.False(token.TryGetPayloadValue<string>("keyId", out _));
    }

    [Fact]
    public void Generated_keys_round_trip_through_pem()
    {
        using var pair = InternalKeys.Generate();
        using var publicKey = InternalKeys.ImportPublicKeyPem(pair.PublicKeyPem);
        using var privateKey = InternalKeys.ImportPrivateKeyPem(pair.PrivateKeyPem);

        Assert.StartsWith("-----BEGIN PUBLIC KEY-----", pair.PublicKeyPem, StringComparison.Ordinal);
        Assert.Equal(pair.PublicKeyPem, InternalKeys.ExportSubjectPublicKeyInfoPem(publicKey));
        Assert.Equal(pair.PublicKeyPem, InternalKeys.ExportSubjectPublicKeyInfoPem(privateKey));
        Assert.False(string.IsNullOrWhiteSpace(pair.KeyId));
        Assert.Throws<FormatException>(() => InternalKeys.ImportPublicKeyPem(pair.PrivateKeyPem));
    }

    public void Dispose() => _tokens.Dispose();

    private static byte[] Base64UrlDecode(string value) => Microsoft.IdentityModel.Tokens.Base64UrlEncoder.DecodeBytes(value);
}

using System.Security.Cryptography;
using System.Text;
using AmbassadorNet.Security;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Security.Tests.Support;

/// <summary>Tokens an attacker or a broken gateway could produce, built by hand around the issuer's checks.</summary>
public static class ForgedTokens
{
    public static string Payload(string audience, DateTimeOffset issuedAt, DateTimeOffset expires) =>
        $$"""{"aud":"{{audience}}","iat":{{issuedAt.ToUnixTimeSeconds()}},"exp":{{expires.ToUnixTimeSeconds()}},"jti":"{{Guid.NewGuid()}}","brand":"{{Guid.NewGuid()}}","roles":["admin"],"kind":"member","member":"{{Guid.NewGuid()}}"}""";

    /// <summary>alg "none" with an empty signature, naming a configured kid.</summary>
    public static string Unsigned(string kid, string payloadJson) =>
        $$"""{{Encode($$"""{"alg":"none","typ":"JWT","kid":"{{kid}}"}""")}}.{{Encode(payloadJson)}}.""";

    /// <summary>HS256 with some secret, naming a configured kid: the classic algorithm-confusion attempt.</summary>
    public static string Hs256(string kid, string payloadJson)
    {
        var key = new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)) { KeyId = kid };
        return new JsonWebTokenHandler().CreateToken(payloadJson, new SigningCredentials(key, SecurityAlgorithms.HmacSha256));
    }

    /// <summary>Correctly ES256-signed with the given key, whatever the payload says (e.g. a 120 s lifetime).</summary>
    public static string Es256(ECDsa key, string kid, string payloadJson) =>
        new JsonWebTokenHandler().CreateToken(
            payloadJson,
            new SigningCredentials(new ECDsaSecurityKey(key) { KeyId = kid }, SecurityAlgorithms.EcdsaSha256));

    /// <summary>The same token with one character of the payload changed and the signature kept.</summary>
    public static string Tampered(string token)
    {
        var parts = token.Split('.');
        var payload = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1]));
        var brandAt = payload.IndexOf(InternalToken.BrandClaim, StringComparison.Ordinal) + InternalToken.BrandClaim.Length + 3;
        var changed = payload[..brandAt] + (payload[brandAt] == 'a' ? 'b' : 'a') + payload[(brandAt + 1)..];
        return $"{parts[0]}.{Encode(changed)}.{parts[2]}";
    }

    public static string Encode(string json) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(json));
}

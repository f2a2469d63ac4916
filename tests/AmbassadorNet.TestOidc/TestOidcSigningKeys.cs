using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;

namespace AmbassadorNet.TestOidc;

/// <summary>
/// The provider's signing key: an ephemeral RSA key per provider, and its rotation. OpenIddict signs
/// with the first of its signing credentials and publishes all of them in the JWKS (its validation
/// parameters read the same list lazily), so a rotation replaces the list's only entry in place.
/// </summary>
internal static class TestOidcSigningKeys
{
    public static SigningCredentials Create() =>
        new(new RsaSecurityKey(RSA.Create(2048)) { KeyId = Guid.NewGuid().ToString("N") }, SecurityAlgorithms.RsaSha256);

    /// <summary>
    /// The new key signs from now on and the old one leaves the JWKS at once, as after a leaked key:
    /// tokens it signed no longer validate anywhere that refreshes the provider's metadata.
    /// Not safe against a sign-in in flight; tests rotate between requests.
    /// </summary>
    public static string Rotate(OpenIddictServerOptions options)
    {
        var next = Create();
        options.SigningCredentials.Insert(0, next);
        options.SigningCredentials.RemoveRange(1, options.SigningCredentials.Count - 1);
        return next.Key.KeyId;
    }
}

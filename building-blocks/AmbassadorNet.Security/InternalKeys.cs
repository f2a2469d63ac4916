using System.Security.Cryptography;

namespace AmbassadorNet.Security;

/// <summary>
/// Key material for the internal token: P-256 keys, public halves exchanged as SubjectPublicKeyInfo
/// PEM (what <c>InternalAuth:PublicKeys:{kid}</c> holds), private halves as PKCS#8 PEM for the gateway.
/// </summary>
public static class InternalKeys
{
    private const string PublicKeyLabel = "PUBLIC KEY";

    /// <summary>A new signing key with a random kid. The caller owns (and disposes) the pair.</summary>
    public static InternalKeyPair Generate(string? keyId = null)
    {
        keyId ??= $"k-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}";
        return new InternalKeyPair(keyId, ECDsa.Create(ECCurve.NamedCurves.nistP256));
    }

    /// <summary>The "-----BEGIN PUBLIC KEY-----" PEM of the key's public half.</summary>
    public static string ExportSubjectPublicKeyInfoPem(ECDsa key)
    {
        ArgumentNullException.ThrowIfNull(key);
        EnsureP256(key);
        return key.ExportSubjectPublicKeyInfoPem();
    }

    /// <summary>
    /// Imports a public key, refusing anything that is not a P-256 SubjectPublicKeyInfo PEM. A private
    /// key is refused on purpose: services must never hold the gateway's signing key.
    /// </summary>
    public static ECDsa ImportPublicKeyPem(string pem)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pem);
        if (!PemEncoding.TryFind(pem, out var fields) || pem[fields.Label] is not PublicKeyLabel)
        {
            throw new FormatException("Expected a \"-----BEGIN PUBLIC KEY-----\" PEM block.");
        }

        var key = ECDsa.Create();
        try
        {
            key.ImportSubjectPublicKeyInfo(Convert.FromBase64String(pem[fields.Base64Data]), out _);
            EnsureP256(key);
            return key;
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }

    /// <summary>Imports the gateway's signing key from a PKCS#8 or SEC1 PEM.</summary>
    public static ECDsa ImportPrivateKeyPem(string pem)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pem);
        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(pem);
            EnsureP256(key);
            return key;
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }

    /// <summary>ES256 is defined over P-256 only; another curve would sign tokens no service accepts.</summary>
    internal static void EnsureP256(ECDsa key)
    {
        var curve = key.ExportParameters(includePrivateParameters: false).Curve;
        var p256 = ECCurve.NamedCurves.nistP256.Oid;
        var isP256 = curve.IsNamed
            && (curve.Oid.Value == p256.Value
                || string.Equals(curve.Oid.FriendlyName, p256.FriendlyName, StringComparison.OrdinalIgnoreCase)
                || string.Equals(curve.Oid.FriendlyName, "ECDSA_P256", StringComparison.OrdinalIgnoreCase));
        if (!isP256)
        {
            throw new CryptographicException("The internal token needs a P-256 (secp256r1) key.");
        }
    }
}

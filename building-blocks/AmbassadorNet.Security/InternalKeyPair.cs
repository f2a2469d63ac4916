using System.Security.Cryptography;

namespace AmbassadorNet.Security;

/// <summary>A signing key and its kid, as generated for the gateway (or for tests).</summary>
public sealed class InternalKeyPair(string keyId, ECDsa key) : IDisposable
{
    public string KeyId { get; } = keyId;

    public ECDsa Key { get; } = key;

    /// <summary>What every service configures under <c>InternalAuth:PublicKeys:{KeyId}</c>.</summary>
    public string PublicKeyPem => InternalKeys.ExportSubjectPublicKeyInfoPem(Key);

    /// <summary>What the gateway alone configures; never give it to a service.</summary>
    public string PrivateKeyPem => Key.ExportPkcs8PrivateKeyPem();

    public void Dispose() => Key.Dispose();
}

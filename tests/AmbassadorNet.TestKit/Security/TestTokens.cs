using System.Security.Cryptography;

namespace AmbassadorNet.Security.Testing;

/// <summary>
/// For test projects: a gateway stand-in with a freshly generated P-256 key. It can only mint tokens
/// that a service configured with <see cref="ConfigurationFor"/> accepts, so it forges nothing real.
/// </summary>
public sealed class TestTokens : IDisposable
{
    public const string DefaultKeyId = "test-key-1";

    private readonly InternalKeyPair _pair;

    public TestTokens(string keyId = DefaultKeyId, TimeProvider? timeProvider = null)
    {
        _pair = InternalKeys.Generate(keyId);
        Issuer = new InternalTokenIssuer(_pair.Key, keyId, timeProvider ?? TimeProvider.System);
    }

    public string KeyId => _pair.KeyId;

    /// <summary>The private key, for tests that sign tokens by hand.</summary>
    public ECDsa Key => _pair.Key;

    public string PublicKeyPem => _pair.PublicKeyPem;

    public InternalTokenIssuer Issuer { get; }

    /// <summary>The entries a service under test needs, e.g. for <c>AddInMemoryCollection</c>.</summary>
    public IReadOnlyDictionary<string, string?> ConfigurationFor(string audience) => new Dictionary<string, string?>
    {
        [$"{InternalAuthOptions.SectionName}:{nameof(InternalAuthOptions.Audience)}"] = audience,
        [PublicKeyConfigurationKey] = PublicKeyPem,
    };

    /// <summary><c>InternalAuth:PublicKeys:{kid}</c>, to add a second key when testing rotation.</summary>
    public string PublicKeyConfigurationKey => $"{InternalAuthOptions.SectionName}:{nameof(InternalAuthOptions.PublicKeys)}:{KeyId}";

    public string Mint(string audience, Guid brandId, IEnumerable<string> roles, Guid? keyId = null, TimeSpan? lifetime = null, Guid? creatorId = null) =>
        Issuer.Issue(audience, brandId, roles, keyId, lifetime, creatorId);

    public void Dispose() => _pair.Dispose();
}

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

    /// <summary>
    /// A token as the gateway would sign it: the operator's when the roles are operator's, a creator
    /// credential's when <paramref name="creatorId"/> is given, else a member's: with a key, the member is
    /// <see cref="MemberOf"/> the key (one member per key, so two keys are two people) and the key was
    /// issued by the operator in 1970; without one, a member signed in with no key. Tests of who may
    /// approve mint an <see cref="InternalCaller"/> themselves.
    /// </summary>
    public string Mint(string audience, Guid brandId, IEnumerable<string> roles, Guid? keyId = null, TimeSpan? lifetime = null, Guid? creatorId = null)
    {
        var roleList = roles.ToList();
        var caller = roleList.Contains(AmbassadorNet.Security.Roles.Operator) ? InternalCaller.Operator
            : creatorId is { } creator ? InternalCaller.Creator(creator, keyId ?? Derived(creator, (byte)'c'))
            : keyId is { } key ? InternalCaller.Member(MemberOf(key), key, DateTimeOffset.UnixEpoch.AddDays(1))
            : InternalCaller.Member(SignedInMember);
        return Issuer.Issue(audience, brandId, roleList, caller, lifetime);
    }

    public string Mint(string audience, Guid brandId, IEnumerable<string> roles, InternalCaller caller, TimeSpan? lifetime = null) =>
        Issuer.Issue(audience, brandId, roles, caller, lifetime);

    /// <summary>The member of a minted token without a key.</summary>
    public static readonly Guid SignedInMember = new("0192d000-0000-7000-8000-00000000a001");

    /// <summary>The member a test key stands for: derived from the key, stable across requests.</summary>
    public static Guid MemberOf(Guid keyId) => Derived(keyId, (byte)'m');

    private static Guid Derived(Guid from, byte tag) => new(System.Security.Cryptography.SHA256.HashData([.. from.ToByteArray(), tag])[..16]);

    public void Dispose() => _pair.Dispose();
}

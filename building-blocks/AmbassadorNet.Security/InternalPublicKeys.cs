using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace AmbassadorNet.Security;

/// <summary>
/// The gateway's public keys as configured now. Parsed once per configuration version (not per
/// request) and re-read when the configuration reloads, so a key rotation needs no restart.
/// </summary>
public sealed class InternalPublicKeys(IOptionsMonitor<InternalAuthOptions> options)
{
    private Snapshot? _snapshot;

    public string Audience => Current().Options.Audience;

    public IReadOnlyCollection<string> KeyIds => Current().Keys.Keys;

    /// <summary>The key the kid names, or null: an unknown kid never falls back to trying the others.</summary>
    public SecurityKey? Find(string? keyId) =>
        keyId is not null && Current().Keys.TryGetValue(keyId, out var key) ? key : null;

    private Snapshot Current()
    {
        var current = options.CurrentValue;
        var snapshot = Volatile.Read(ref _snapshot);
        if (snapshot is null || !ReferenceEquals(snapshot.Options, current))
        {
            // Racing requests may both rebuild; either result is the same. The replaced keys are left to
            // the GC rather than disposed, since a request in flight may still be verifying with them.
            snapshot = new Snapshot(current, Parse(current));
            Volatile.Write(ref _snapshot, snapshot);
        }

        return snapshot;
    }

    private static Dictionary<string, SecurityKey> Parse(InternalAuthOptions options) =>
        options.PublicKeys.ToDictionary(
            p => p.Key,
            p => (SecurityKey)new ECDsaSecurityKey(InternalKeys.ImportPublicKeyPem(p.Value)) { KeyId = p.Key },
            StringComparer.Ordinal);

    private sealed record Snapshot(InternalAuthOptions Options, Dictionary<string, SecurityKey> Keys);
}

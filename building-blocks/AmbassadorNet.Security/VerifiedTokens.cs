using System.Collections.Concurrent;
using System.Security.Claims;

namespace AmbassadorNet.Security;

/// <summary>
/// Internal tokens this service has already validated, by their exact text, until they expire. The
/// gateway reuses a token for a third of its lifetime (issue #27), so a busy caller's requests
/// carry the same token and its signature is checked once rather than on every request. Only a
/// token that passed every check is remembered, so a forged or altered one is never found here.
/// </summary>
/// <remarks>
/// A token signed with a key that is later removed from <c>InternalAuth:PublicKeys</c> stays
/// accepted until its exp (at most 60 s): rotation removes a key only after every token it signed
/// has expired (docs/operations.md, "Key rotation").
/// </remarks>
public sealed class VerifiedTokens
{
    // Only valid tokens are kept, at most one per caller and service every ten seconds or so; the
    // sweep bounds what expired ones leave behind.
    private const int SweepAbove = 10_000;

    private readonly ConcurrentDictionary<string, Verified> _tokens = new(StringComparer.Ordinal);

    /// <summary>The caller of a token validated before, if <paramref name="now"/> is still inside its validity.</summary>
    public ClaimsIdentity? Find(string token, DateTimeOffset now) =>
        _tokens.TryGetValue(token, out var verified) && verified.From <= now && now < verified.Until ? verified.Identity.Clone() : null;

    /// <param name="from">The earliest instant at which the token was acceptable (its iat less the allowed skew).</param>
    /// <param name="until">Its exp; later instants are left to the full validation, which allows the skew.</param>
    public void Remember(string token, ClaimsIdentity identity, DateTimeOffset from, DateTimeOffset until, DateTimeOffset now)
    {
        _tokens[token] = new Verified(identity.Clone(), from, until);
        if (_tokens.Count > SweepAbove)
        {
            foreach (var (text, verified) in _tokens)
            {
                if (verified.Until <= now)
                {
                    _tokens.TryRemove(text, out _);
                }
            }
        }
    }

    private sealed record Verified(ClaimsIdentity Identity, DateTimeOffset From, DateTimeOffset Until);
}

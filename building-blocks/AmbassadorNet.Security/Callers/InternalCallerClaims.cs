using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;

namespace AmbassadorNet.Security;

/// <summary>
/// An <see cref="InternalCaller"/> in and out of the token's payload and of a principal's claims, in
/// one place, so the gateway that signs and the services that read cannot name a claim differently.
/// </summary>
public static class InternalCallerClaims
{
    public static void Write(InternalCaller caller, IDictionary<string, object> payload)
    {
        payload[InternalToken.KindClaim] = caller.Kind;
        foreach (var claim in ToClaims(caller).Where(c => c.Type != InternalToken.KindClaim))
        {
            payload[claim.Type] = claim.Type == InternalToken.KeyIssuedAtClaim ? long.Parse(claim.Value, System.Globalization.CultureInfo.InvariantCulture) : claim.Value;
        }
    }

    /// <summary>The caller's claims as a principal carries them (strings).</summary>
    public static IEnumerable<Claim> ToClaims(InternalCaller caller)
    {
        yield return new Claim(InternalToken.KindClaim, caller.Kind);
        if (caller.KeyId is { } key)
        {
            yield return new Claim(InternalToken.ApiKeyIdClaim, key.ToString());
        }

        if (caller.MemberId is { } member)
        {
            yield return new Claim(InternalToken.MemberClaim, member.ToString());
        }

        if (caller.CreatorId is { } creator)
        {
            yield return new Claim(InternalToken.CreatorClaim, creator.ToString());
        }

        if (caller.KeyIssuedAt is { } issuedAt)
        {
            yield return new Claim(InternalToken.KeyIssuedAtClaim, UnixMillisecondsRoundedUp(issuedAt).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (caller.KeyIssuedBy is { } issuedBy)
        {
            yield return new Claim(InternalToken.KeyIssuedByClaim, issuedBy.ToString());
        }

        if (caller.SignedInWith is { } issuer)
        {
            yield return new Claim(InternalToken.SignedInWithClaim, issuer);
        }

        if (caller.MemberCreatorId is { } memberCreator)
        {
            yield return new Claim(InternalToken.MemberCreatorClaim, memberCreator.ToString());
        }
    }

    /// <summary>The caller of a principal built from <see cref="ToClaims"/>; null when it carries no kind.</summary>
    public static InternalCaller? FromClaims(ClaimsPrincipal user)
    {
        if (user.FindFirst(InternalToken.KindClaim)?.Value is not { } kind)
        {
            return null;
        }

        return new InternalCaller(kind, Id(user, InternalToken.ApiKeyIdClaim), Id(user, InternalToken.MemberClaim), Id(user, InternalToken.CreatorClaim),
            long.TryParse(user.FindFirst(InternalToken.KeyIssuedAtClaim)?.Value, out var ms) ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null,
            Id(user, InternalToken.KeyIssuedByClaim), user.FindFirst(InternalToken.SignedInWithClaim)?.Value, Id(user, InternalToken.MemberCreatorClaim));
    }

    /// <summary>The caller a validated token names, or the reason it names none properly.</summary>
    public static (InternalCaller? Caller, string? Refusal) Read(JsonWebToken token)
    {
        if (!token.TryGetPayloadValue<string>(InternalToken.KindClaim, out var kind) || !CallerKinds.IsKnown(kind))
        {
            return (null, "no caller kind");
        }

        var ids = new Dictionary<string, Guid?>();
        foreach (var name in (string[])[InternalToken.ApiKeyIdClaim, InternalToken.MemberClaim, InternalToken.CreatorClaim, InternalToken.KeyIssuedByClaim,
                     InternalToken.MemberCreatorClaim])
        {
            if (!token.TryGetPayloadValue<string>(name, out var text))
            {
                ids[name] = null;
            }
            else if (Guid.TryParse(text, out var id))
            {
                ids[name] = id;
            }
            else
            {
                return (null, $"malformed {name}");
            }
        }

        DateTimeOffset? issuedAt = null;
        if (token.TryGetPayloadValue<long>(InternalToken.KeyIssuedAtClaim, out var ms))
        {
            issuedAt = DateTimeOffset.FromUnixTimeMilliseconds(ms);
        }

        var signedInWith = token.TryGetPayloadValue<string>(InternalToken.SignedInWithClaim, out var issuer) ? issuer : null;
        return (new InternalCaller(kind, ids[InternalToken.ApiKeyIdClaim], ids[InternalToken.MemberClaim], ids[InternalToken.CreatorClaim], issuedAt,
            ids[InternalToken.KeyIssuedByClaim], signedInWith, ids[InternalToken.MemberCreatorClaim]), null);
    }

    private static Guid? Id(ClaimsPrincipal user, string type) => Guid.TryParse(user.FindFirst(type)?.Value, out var id) ? id : null;

    private static long UnixMillisecondsRoundedUp(DateTimeOffset at)
    {
        var ms = at.ToUnixTimeMilliseconds();
        return at.UtcTicks % TimeSpan.TicksPerMillisecond == 0 ? ms : ms + 1;
    }
}

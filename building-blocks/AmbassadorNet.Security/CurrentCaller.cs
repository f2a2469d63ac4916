using System.Security.Claims;

namespace AmbassadorNet.Security;

/// <summary>Who is calling, as the internal token says: the tenant, the API key, the roles and, for a creator credential, the creator.</summary>
public static class CurrentCaller
{
    /// <summary>The brand (tenant) of the call; throws when the principal did not come from an internal token.</summary>
    public static Guid GetBrandId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirst(InternalToken.BrandClaim)?.Value, out var brandId)
            ? brandId
            : throw new InvalidOperationException("The caller has no brand claim; is the endpoint authenticated with the internal token?");

    /// <summary>The API key behind the call, recorded by commands; null for operator calls.</summary>
    public static Guid? GetApiKeyId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirst(InternalToken.ApiKeyIdClaim)?.Value, out var keyId) ? keyId : null;

    /// <summary>The creator a creator credential is bound to; null for every other caller.</summary>
    public static Guid? GetCreatorId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirst(InternalToken.CreatorClaim)?.Value, out var creatorId) ? creatorId : null;

    /// <summary>
    /// The creator of a <c>/api/me</c> call. The role table lets only creator credentials reach those
    /// routes and the token handler refuses a creator role without its creator, so a miss is a bug.
    /// </summary>
    public static Guid GetRequiredCreatorId(this ClaimsPrincipal user) =>
        user.GetCreatorId() ?? throw new InvalidOperationException("The caller has no creator claim; is the endpoint guarded by AccessPolicies.CreatorSelf?");

    /// <summary>What stands behind the call (member, machine, creator or operator) with its key's provenance.</summary>
    public static InternalCaller GetCaller(this ClaimsPrincipal user) =>
        InternalCallerClaims.FromClaims(user) ?? throw new InvalidOperationException("The caller has no kind claim; is the endpoint authenticated with the internal token?");

    /// <summary>The member of a member's call; null for machines, creators and the operator.</summary>
    public static Guid? GetMemberId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirst(InternalToken.MemberClaim)?.Value, out var memberId) ? memberId : null;

    public static IReadOnlyList<string> GetRoles(this ClaimsPrincipal user) =>
        user.Identities.SelectMany(i => i.FindAll(i.RoleClaimType)).Select(c => c.Value).Distinct(StringComparer.Ordinal).ToList();
}

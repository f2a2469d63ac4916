using System.Security.Claims;

namespace AmbassadorNet.Security;

/// <summary>Who is calling, as the internal token says: the tenant, the API key and the roles.</summary>
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

    public static IReadOnlyList<string> GetRoles(this ClaimsPrincipal user) =>
        user.Identities.SelectMany(i => i.FindAll(i.RoleClaimType)).Select(c => c.Value).Distinct(StringComparer.Ordinal).ToList();
}

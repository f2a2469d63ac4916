using AmbassadorNet.Gateway.Data;
using AmbassadorNet.Gateway.Identity.Oidc;
using AmbassadorNet.Security;
using AmbassadorNet.ServiceDefaults.Errors;

namespace AmbassadorNet.Gateway.Api;

/// <summary>Checks a brand's identity provider settings, every field's problem at once.</summary>
internal static class IdentityProviderInput
{
    public const string DefaultRolesClaim = "groups";
    private const int MaxMappings = 100;

    public static void Apply(IdentityProviderRequest request, IdentityProvider provider, IHostEnvironment environment)
    {
        var errors = new Dictionary<string, string[]>();
        var issuer = request.Issuer?.Trim() ?? "";
        if (issuer.Length is 0 or > 500 || !Uri.TryCreate(issuer, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            errors["issuer"] = ["The provider's issuer URL (as its tokens' iss says it), at most 500 characters."];
        }
        else if (!OidcMetadataTransport.Allows(uri, environment))
        {
            errors["issuer"] = ["The issuer must be an https URL (plain http only for a loopback address in Development or Testing)."];
        }

        var audience = request.Audience?.Trim() ?? "";
        if (audience.Length is 0 or > 200)
        {
            errors["audience"] = ["The audience the provider writes into tokens for AmbassadorNet, 1 to 200 characters."];
        }

        var rolesClaim = string.IsNullOrWhiteSpace(request.RolesClaim) ? DefaultRolesClaim : request.RolesClaim.Trim();
        if (rolesClaim.Length > 100)
        {
            errors["rolesClaim"] = ["At most 100 characters."];
        }

        var mappings = request.RoleMappings ?? new Dictionary<string, IReadOnlyList<string>>();
        if (mappings.Count is 0 or > MaxMappings
            || mappings.Any(m => m.Key.Length is 0 or > 200 || m.Value is null || m.Value.Count == 0 || m.Value.Any(r => !Roles.Staff.Contains(r, StringComparer.Ordinal))))
        {
            errors["roleMappings"] = [$"1 to {MaxMappings} claim values, each mapped onto one or more of: {string.Join(", ", Roles.Staff)}."];
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        (provider.Issuer, provider.Audience, provider.RolesClaim) = (issuer, audience, rolesClaim);
        provider.RoleMappings = mappings.ToDictionary(m => m.Key, m => m.Value.Distinct(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
    }

    public static IdentityProviderView View(IdentityProvider provider) => new(
        provider.Issuer, provider.Audience, provider.RolesClaim,
        provider.RoleMappings.ToDictionary(m => m.Key, m => (IReadOnlyList<string>)m.Value, StringComparer.Ordinal), provider.UpdatedAt);
}

using AmbassadorNet.Security;

namespace AmbassadorNet.Gateway.Identity.Oidc;

/// <summary>From the values of a provider's roles claim to our roles: a pure rule, no I/O.</summary>
public static class OidcRoleMapping
{
    /// <summary>
    /// The distinct roles of a person (<see cref="Roles.Staff"/>) the values map to, in the order of <see cref="Roles.All"/>;
    /// values compare ordinally. Machine roles (partner, events), a creator's and the operator's are never granted
    /// this way, whatever a brand's mapping says.
    /// </summary>
    public static IReadOnlyList<string> Map(IReadOnlyDictionary<string, IReadOnlyList<string>> mappings, IEnumerable<string> claimValues)
    {
        var granted = claimValues
            .SelectMany(value => mappings.TryGetValue(value, out var roles) ? roles : [])
            .ToHashSet(StringComparer.Ordinal);
        return [.. Roles.All.Where(role => granted.Contains(role) && Roles.Staff.Contains(role))];
    }
}

namespace AmbassadorNet.Security;

/// <summary>
/// One row of the role table: a named group of routes and the roles that may call it. Equality
/// ignores the order of the roles, so the gateway's table and a service's endpoints compare by meaning.
/// </summary>
public sealed record AccessPolicy(string Name, IReadOnlyList<string> Roles)
{
    public bool Allows(IEnumerable<string> callerRoles) => callerRoles.Any(r => Roles.Contains(r, StringComparer.Ordinal));

    public bool Equals(AccessPolicy? other) =>
        other is not null
        && string.Equals(Name, other.Name, StringComparison.Ordinal)
        && Roles.Order(StringComparer.Ordinal).SequenceEqual(other.Roles.Order(StringComparer.Ordinal), StringComparer.Ordinal);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Name);

    public override string ToString() => $"{Name}: {string.Join(", ", Roles)}";
}

namespace AmbassadorNet.Security;

/// <summary>
/// What stands behind a request, as the internal token's <c>kind</c> claim says (issue #32). Only a
/// member is a person the brand knows, so only a member can approve anything.
/// </summary>
public static class CallerKinds
{
    /// <summary>A person of the brand's staff: signed in with the brand's identity provider, or holding a key issued to them.</summary>
    public const string Member = "member";

    /// <summary>A system of the brand's (a shop, a partner system, a script): a key issued to no person.</summary>
    public const string Machine = "machine";

    /// <summary>A creator's own credential, bound to one creator (<see cref="CreatorBinding"/>).</summary>
    public const string Creator = "creator";

    /// <summary>The system operator: no brand, no key.</summary>
    public const string Operator = "operator";

    public static IReadOnlyList<string> All { get; } = [Member, Machine, Creator, Operator];

    public static bool IsKnown(string kind) => All.Contains(kind, StringComparer.Ordinal);
}

namespace AmbassadorNet.Security;

/// <summary>The roles an API key can carry (and the system operator), as they appear in the token.</summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string Manager = "manager";
    public const string Finance = "finance";
    public const string Analyst = "analyst";
    public const string Partner = "partner";

    /// <summary>A partner system that reads the brand's event stream (gRPC), and nothing else.</summary>
    public const string Events = "events";

    /// <summary>
    /// A creator's own credential, bound to one creator of the brand (the token's creator claim): only the
    /// creator's own records (<c>/api/me/...</c>), never another creator's, never brand-wide lists. Held alone.
    /// </summary>
    public const string Creator = "creator";

    /// <summary>The system operator (the gateway's configured operator key): brands and ops endpoints.</summary>
    public const string Operator = "operator";

    /// <summary>The roles a person of the brand's staff (a member) can hold; the others belong to machines, creators and the operator.</summary>
    public static IReadOnlyList<string> Staff { get; } = [Admin, Manager, Finance, Analyst];

    public static IReadOnlyList<string> All { get; } = [Admin, Manager, Finance, Analyst, Partner, Events, Creator, Operator];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);
}

using AmbassadorNet.Security;

namespace AmbassadorNet.Gateway.Routing;

/// <summary>Who may call a route: anyone (public), or a caller whose roles a row of the role table allows.</summary>
public sealed record RouteAccess(AccessPolicy? Policy)
{
    public static RouteAccess Public { get; } = new((AccessPolicy?)null);

    public bool IsPublic => Policy is null;

    public static RouteAccess Requires(AccessPolicy policy) => new(policy ?? throw new ArgumentNullException(nameof(policy)));

    public override string ToString() => Policy?.Name ?? "public";
}

namespace AmbassadorNet.Gateway.Routing.Testing;

/// <summary>
/// How a service's endpoints and the gateway's table compare. <see cref="Disagreements"/>: endpoints
/// the gateway does not route, routes elsewhere or guards with another row of the role table.
/// <see cref="RoutesWithoutEndpoint"/>: rows of the table for the service that no endpoint serves yet.
/// </summary>
public sealed record RouteAgreementReport(IReadOnlyList<string> Disagreements, IReadOnlyList<string> RoutesWithoutEndpoint, IReadOnlyList<string> Compared)
{
    public override string ToString() =>
        $"Disagreements:\n  {string.Join("\n  ", Disagreements)}\nRoutes without endpoint:\n  {string.Join("\n  ", RoutesWithoutEndpoint)}";
}

namespace AmbassadorNet.Gateway.Routing;

public enum RouteOutcome
{
    Found,
    NotFound,
    MethodNotAllowed,
}

/// <summary>What the table says about a request: its route, or why there is none (with the methods the path does take).</summary>
public sealed record RouteResolution(RouteOutcome Outcome, GatewayRoute? Route, IReadOnlyList<string> AllowedMethods)
{
    public static RouteResolution NotFound { get; } = new(RouteOutcome.NotFound, null, []);

    public override string ToString() => Outcome == RouteOutcome.Found ? Route!.ToString() : Outcome.ToString();
}

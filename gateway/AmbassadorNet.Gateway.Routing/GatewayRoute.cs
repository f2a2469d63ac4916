namespace AmbassadorNet.Gateway.Routing;

/// <summary>
/// One row of the gateway's route table: requests with one of <see cref="Methods"/> on a path of
/// <see cref="Template"/>'s shape go to <see cref="Service"/> if <see cref="Access"/> lets the caller.
/// </summary>
public sealed record GatewayRoute(string Service, IReadOnlyList<string> Methods, RouteTemplate Template, RouteAccess Access)
{
    /// <summary>The largest body this route takes; null for the gateway's default (<c>Gateway:MaxRequestBodyBytes</c>).</summary>
    public long? MaxBodyBytes { get; init; }

    public bool Accepts(string method) => Methods.Contains(method, StringComparer.OrdinalIgnoreCase);

    public override string ToString() => $"{string.Join("|", Methods)} {Template} -> {Service} ({Access})";
}

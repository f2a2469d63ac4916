namespace AmbassadorNet.RouteTable;

/// <summary>
/// One endpoint of a service as a row of the gateway's table: <see cref="Policy"/> is the name of its
/// row of the role table, null when it is public. The tool keeps its own record rather than the
/// gateway's <c>GatewayRoute</c> so that it still builds when the generated file does not.
/// </summary>
public sealed record ServiceRoute(string Service, IReadOnlyList<string> Methods, string Template, string? Policy, long? MaxBodyBytes);

namespace AmbassadorNet.Gateway;

/// <summary>Names this assembly for tests (every .NET 10 web project has a public Program, so that name is ambiguous).</summary>
public sealed class GatewayMarker;

using AmbassadorNet.ServiceDefaults.Configuration;

namespace AmbassadorNet.ServiceDefaults.Grpc;

/// <summary>The gRPC port of a service that serves part of the partner gRPC API, and of the gateway (<see cref="GrpcEndpoint"/>).</summary>
[ConfigurationSection("Grpc")]
public sealed class GrpcEndpointOptions
{
    /// <summary>An http:// address (e.g. <c>http://+:8081</c>) listened on with HTTP/2 only; unset, gRPC is not served.</summary>
    public string? Url { get; set; }
}

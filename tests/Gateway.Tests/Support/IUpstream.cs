namespace Gateway.Tests.Support;

/// <summary>A real HTTP server standing in for a service behind the gateway.</summary>
public interface IUpstream : IAsyncDisposable
{
    string BaseAddress { get; }

    /// <summary>Its HTTP/2-only address, for a service of the partner gRPC API (<c>Gateway:GrpcServices</c>); null otherwise.</summary>
    string? GrpcAddress => null;
}

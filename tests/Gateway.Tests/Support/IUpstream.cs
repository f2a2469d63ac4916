namespace Gateway.Tests.Support;

/// <summary>A real HTTP server standing in for a service behind the gateway.</summary>
public interface IUpstream : IAsyncDisposable
{
    string BaseAddress { get; }
}

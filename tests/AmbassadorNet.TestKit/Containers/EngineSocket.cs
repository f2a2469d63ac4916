using System.Net.Sockets;

namespace AmbassadorNet.TestKit.Containers;

/// <summary>
/// podman's Docker-compatible API on the Unix socket scripts/containers.sh starts (AMB_CONTAINER_SOCKET),
/// for Testcontainers (SystemTestKit) and docker-compose (Deploy.Tests) alike.
/// </summary>
public static class EngineSocket
{
    public static string Path { get; } = Environment.GetEnvironmentVariable("AMB_CONTAINER_SOCKET") is { Length: > 0 } socket
        ? socket
        : "/run/ambassadornet/podman.sock";

    /// <summary>A client of the engine's API; <paramref name="basePath"/> (e.g. "v1.41/") prefixes relative paths.</summary>
    public static HttpClient CreateClient(string basePath = "") => new(new SocketsHttpHandler
    {
        ConnectCallback = async (_, cancellationToken) =>
        {
            var unix = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            await unix.ConnectAsync(new UnixDomainSocketEndPoint(Path), cancellationToken);
            return new NetworkStream(unix, ownsSocket: true);
        },
    }) { BaseAddress = new Uri($"http://engine/{basePath}"), Timeout = TimeSpan.FromSeconds(60) };
}

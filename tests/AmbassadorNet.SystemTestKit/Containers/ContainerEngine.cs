using System.Net.Http.Json;
using System.Text.Json;
using AmbassadorNet.TestKit.Containers;
using DotNet.Testcontainers.Configurations;

namespace AmbassadorNet.SystemTestKit.Containers;

/// <summary>
/// The container engine scripts/containers.sh starts (podman's Docker-compatible API on a Unix socket,
/// AMB_CONTAINER_SOCKET) and the images it built (artifacts/containers/images.env). Testcontainers' own
/// resource reaper is off: its image cannot be pulled here; fixtures remove their containers, and
/// scripts/clean-test-leftovers.sh removes what a dead run left (by <see cref="HostNetwork.TestLabel"/>).
/// </summary>
public static class ContainerEngine
{
    public static string Socket => EngineSocket.Path;

    public static Uri Endpoint { get; } = new($"unix://{Socket}");

    private static readonly HttpClient Api = EngineSocket.CreateClient("v1.41/");

    static ContainerEngine() => TestcontainersSettings.ResourceReaperEnabled = false;

    /// <summary>The image built for <paramref name="name"/> (rabbitmq, postgres, gateway, creators, ...).</summary>
    public static string Image(string name)
    {
        var file = Path.Combine(RepositoryRoot(), "artifacts", "containers", "images.env");
        if (!File.Exists(file))
        {
            throw new InvalidOperationException($"{file} is missing: run scripts/containers.sh (test.sh does) to build the images.");
        }

        return File.ReadLines(file).Select(line => line.Split('=', 2)).FirstOrDefault(pair => pair[0] == name)?[1]
            ?? throw new InvalidOperationException($"No image '{name}' in {file}.");
    }

    /// <summary>How the engine describes a container: its network mode and every address it was given.</summary>
    public static async Task<ContainerNetworking> NetworkingAsync(string containerId)
    {
        var inspect = await Api.GetFromJsonAsync<JsonElement>($"containers/{containerId}/json");
        var addresses = new List<string>();
        var settings = inspect.GetProperty("NetworkSettings");
        if (settings.TryGetProperty("IPAddress", out var address) && address.GetString() is { Length: > 0 } ip)
        {
            addresses.Add(ip);
        }

        if (settings.TryGetProperty("Networks", out var networks) && networks.ValueKind == JsonValueKind.Object)
        {
            foreach (var network in networks.EnumerateObject())
            {
                if (network.Value.TryGetProperty("IPAddress", out var networkAddress) && networkAddress.GetString() is { Length: > 0 } networkIp)
                {
                    addresses.Add($"{network.Name}: {networkIp}");
                }
            }
        }

        return new ContainerNetworking(inspect.GetProperty("HostConfig").GetProperty("NetworkMode").GetString() ?? "", addresses);
    }

    /// <summary>The ids of the running containers that carry the tests' label.</summary>
    public static async Task<IReadOnlyList<string>> LabelledAsync()
    {
        var filters = Uri.EscapeDataString($$"""{"label":["{{HostNetwork.TestLabel}}"]}""");
        var containers = await Api.GetFromJsonAsync<JsonElement>($"containers/json?filters={filters}");
        return containers.EnumerateArray().Select(c => c.GetProperty("Id").GetString()!).ToList();
    }

    public static async Task<bool> IsRunningAsync(string containerId) =>
        (await Api.GetFromJsonAsync<JsonElement>($"containers/{containerId}/json")).GetProperty("State").GetProperty("Running").GetBoolean();

    /// <summary>Sends the container's main process SIGKILL, as a crash of its machine would.</summary>
    public static async Task KillAsync(string containerId) =>
        (await Api.PostAsync($"containers/{containerId}/kill?signal=KILL", null)).EnsureSuccessStatusCode();

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "AmbassadorNet.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No AmbassadorNet.sln above {AppContext.BaseDirectory}.");
    }
}

/// <param name="Mode">"host" for a container on the host's network.</param>
/// <param name="Addresses">Addresses the engine gave the container (none on the host's network).</param>
public sealed record ContainerNetworking(string Mode, IReadOnlyList<string> Addresses)
{
    public bool OnHostNetworkOnly => Mode == "host" && Addresses.Count == 0;
}

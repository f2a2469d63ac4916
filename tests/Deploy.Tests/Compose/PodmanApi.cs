using System.Net.Http.Json;
using System.Text.Json;
using AmbassadorNet.TestKit.Containers;

namespace Deploy.Tests.Compose;

/// <summary>A container of a compose project as the engine sees it.</summary>
/// <param name="Health">starting, healthy, unhealthy; empty for a container without a health check.</param>
/// <param name="Addresses">Every address the engine gave it (none on the host's network).</param>
internal sealed record ProjectContainer(string Id, string Name, string State, int ExitCode, string Health, string NetworkMode, IReadOnlyList<string> Addresses)
{
    public bool Failed => State == "exited" ? ExitCode != 0 : Health is "unhealthy" || State != "running";

    public override string ToString() =>
        $"{Name}: {State}{(State == "exited" ? $" ({ExitCode})" : "")}{(Health.Length > 0 ? $", {Health}" : "")}";
}

/// <summary>
/// podman's API (<see cref="EngineSocket"/>): what compose made, by its project label, and the health
/// checks podman cannot run by itself here.
/// </summary>
internal static class PodmanApi
{
    private static readonly HttpClient Api = EngineSocket.CreateClient();

    public static async Task<bool> AnswersAsync()
    {
        try
        {
            return (await Api.GetAsync("_ping")).IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    public static async Task<bool> ImageExistsAsync(string image) =>
        (await Api.GetAsync($"v4.0.0/libpod/images/{Uri.EscapeDataString(image)}/exists")).IsSuccessStatusCode;

    /// <summary>Every container of the project, running or not, inspected.</summary>
    public static async Task<IReadOnlyList<ProjectContainer>> ContainersAsync(string project)
    {
        var listed = await Api.GetFromJsonAsync<JsonElement>($"v1.41/containers/json?all=true&filters={ProjectFilter(project)}");
        var containers = new List<ProjectContainer>();
        foreach (var id in listed.EnumerateArray().Select(c => c.GetProperty("Id").GetString()!))
        {
            var inspect = await Api.GetFromJsonAsync<JsonElement>($"v1.41/containers/{id}/json");
            var state = inspect.GetProperty("State");
            var health = state.TryGetProperty("Health", out var h) && h.ValueKind == JsonValueKind.Object ? h.GetProperty("Status").GetString() ?? "" : "";
            containers.Add(new ProjectContainer(
                id, inspect.GetProperty("Name").GetString()!.TrimStart('/'), state.GetProperty("Status").GetString()!, state.GetProperty("ExitCode").GetInt32(),
                health, inspect.GetProperty("HostConfig").GetProperty("NetworkMode").GetString() ?? "", Addresses(inspect.GetProperty("NetworkSettings"))));
        }

        return containers.OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
    }

    public static async Task<IReadOnlyList<string>> VolumesAsync(string project)
    {
        var volumes = await Api.GetFromJsonAsync<JsonElement>($"v1.41/volumes?filters={ProjectFilter(project)}");
        return volumes.GetProperty("Volumes") is { ValueKind: JsonValueKind.Array } list
            ? list.EnumerateArray().Select(v => v.GetProperty("Name").GetString()!).ToList()
            : [];
    }

    /// <summary>Runs the container's health check once and records its result, as podman's systemd timer would.</summary>
    public static async Task RunHealthCheckAsync(string id) => await Api.GetAsync($"v4.0.0/libpod/containers/{id}/healthcheck");

    /// <summary>The last lines the container wrote, standard output and error as they came.</summary>
    public static async Task<string> LogsAsync(string id, int lines)
    {
        // The stream is multiplexed: frames of an 8-byte header (stream, 3 zero bytes, big-endian length) and their bytes.
        var bytes = await Api.GetByteArrayAsync($"v4.0.0/libpod/containers/{id}/logs?stdout=true&stderr=true&tail={lines}");
        var text = new System.Text.StringBuilder();
        for (var at = 0; at + 8 <= bytes.Length;)
        {
            var length = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(at + 4, 4));
            text.Append(System.Text.Encoding.UTF8.GetString(bytes, at + 8, Math.Min(length, bytes.Length - at - 8)));
            at += 8 + length;
        }

        return text.ToString();
    }

    private static string ProjectFilter(string project) =>
        Uri.EscapeDataString($$"""{"label":["com.docker.compose.project={{project}}"]}""");

    private static List<string> Addresses(JsonElement settings)
    {
        var addresses = new List<string>();
        if (settings.TryGetProperty("IPAddress", out var address) && address.GetString() is { Length: > 0 } ip)
        {
            addresses.Add(ip);
        }

        if (settings.TryGetProperty("Networks", out var networks) && networks.ValueKind == JsonValueKind.Object)
        {
            addresses.AddRange(networks.EnumerateObject().Select(n => $"{n.Name}: {n.Value.GetProperty("IPAddress").GetString()}"));
        }

        return addresses;
    }
}

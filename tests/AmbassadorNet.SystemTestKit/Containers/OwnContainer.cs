using DotNet.Testcontainers.Containers;

namespace AmbassadorNet.SystemTestKit.Containers;

/// <summary>
/// A server in a container of a test's own, to stop, kill and start again while a system uses it.
/// Starting (again) returns once the server answers from the host, not merely once the process runs.
/// </summary>
public abstract class OwnContainer(IContainer container) : IAsyncDisposable
{
    public string Id => container.Id;

    public string Name => container.Name;

    /// <summary>A clean stop: SIGTERM, and the server shuts down as it would on a host's shutdown.</summary>
    public Task StopAsync() => container.StopAsync();

    /// <summary>SIGKILL of the server, as by a crash; returns once the engine reports it gone.</summary>
    public async Task KillAsync()
    {
        await ContainerEngine.KillAsync(container.Id);
        var until = DateTime.UtcNow.AddSeconds(30);
        while (await ContainerEngine.IsRunningAsync(container.Id))
        {
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"{container.Name} still runs 30 s after SIGKILL.");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Starts the same container again (its data kept) and returns once the server answers.</summary>
    public Task StartAsync() => container.StartAsync();

    public Task<ContainerNetworking> NetworkingAsync() => ContainerEngine.NetworkingAsync(container.Id);

    public ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return container.DisposeAsync();
    }
}

using System.Text;
using AmbassadorNet.TestKit.Containers;

namespace Deploy.Tests.Compose;

/// <summary>
/// deploy/compose as shipped, copied to a folder of its own with a fresh .env (generate-keys.sh) that names
/// the images scripts/containers.sh built (artifacts/containers/images.env), run by docker-compose against
/// podman's API with the host-network override. Disposing it takes the project down, volumes too.
/// </summary>
internal sealed class ComposeProject : IAsyncDisposable
{
    /// <summary>What compose runs with: the shipped file and the override that is its only difference here.</summary>
    private static readonly string[] Files = ["docker-compose.yml", "docker-compose.hostnet.yml"];

    private readonly DirectoryInfo _folder;
    private readonly Dictionary<string, string> _environment;

    private ComposeProject(string name, DirectoryInfo folder)
    {
        Name = name;
        _folder = folder;
        _environment = new() { ["DOCKER_HOST"] = $"unix://{EngineSocket.Path}" };
    }

    public string Name { get; }

    /// <summary>The operator key generate-keys.sh wrote into .env (it creates brands).</summary>
    public string OperatorKey => File.ReadLines(Path.Combine(_folder.FullName, ".env"))
        .Single(line => line.StartsWith("AMB_OPERATOR_KEY=", StringComparison.Ordinal)).Split('=', 2)[1];

    public static async Task<ComposeProject> CreateAsync(string name)
    {
        await AssertEngineReadyAsync();
        var images = await ImagesAsync();
        var folder = Directory.CreateTempSubdirectory("amb-compose-smoke-");
        foreach (var file in Files.Append("generate-keys.sh"))
        {
            File.Copy(Path.Combine(Repository.Root, "deploy", "compose", file), Path.Combine(folder.FullName, file));
        }

        var keys = await Command.RunAsync("bash", [Path.Combine(folder.FullName, "generate-keys.sh")], workingDirectory: folder.FullName);
        if (!keys.Succeeded)
        {
            folder.Delete(recursive: true);
            Assert.Fail(keys.Output);
        }

        await File.AppendAllLinesAsync(Path.Combine(folder.FullName, ".env"), images.Select(i => $"AMB_IMAGE_{i.Key.ToUpperInvariant()}={i.Value}"));
        return new ComposeProject(name, folder);
    }

    public Task<CommandResult> RunAsync(TimeSpan timeout, params string[] arguments) =>
        Command.RunAsync("docker-compose", [.. Files.SelectMany(f => new[] { "-f", f }), "-p", Name, .. arguments], _folder.FullName, _environment, timeout);

    /// <summary>
    /// <c>up -d</c>, which waits for each container's dependencies to be healthy or done. podman runs health
    /// checks from systemd timers, and there is no systemd here, so they are run from here meanwhile.
    /// </summary>
    public async Task UpAsync(TimeSpan timeout)
    {
        using var stop = new CancellationTokenSource();
        var checks = RunHealthChecksAsync(stop.Token);
        var up = await RunAsync(timeout, "up", "-d");
        await stop.CancelAsync();
        await checks;
        if (!up.Succeeded)
        {
            Assert.Fail($"compose up {(up.TimedOut ? $"did not finish in {timeout}" : $"failed ({up.ExitCode})")}:\n{Tail(up.Output, 30)}\n{await DescribeFailuresAsync()}");
        }
    }

    /// <summary>Stops and removes every container and volume of the project (none is an answer too).</summary>
    public async Task DownAsync()
    {
        var down = await RunAsync(TimeSpan.FromMinutes(3), "down", "-v", "--remove-orphans");
        Assert.True(down.Succeeded, down.Output);
    }

    /// <summary>Every container's state, and the last log lines of those that failed (or never became healthy).</summary>
    public async Task<string> DescribeFailuresAsync()
    {
        var text = new StringBuilder("containers:\n");
        var containers = await PodmanApi.ContainersAsync(Name);
        foreach (var container in containers)
        {
            text.Append("  ").AppendLine(container.ToString());
        }

        // What failed; else (a deadline passed) what never became healthy.
        var suspects = containers.Where(c => c.Failed).ToList() is { Count: > 0 } failed ? failed : containers.Where(c => c.Health == "starting").ToList();
        foreach (var container in suspects)
        {
            text.AppendLine($"--- last lines of {container.Name}:").AppendLine(await PodmanApi.LogsAsync(container.Id, 40));
        }

        return text.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await RunAsync(TimeSpan.FromMinutes(3), "down", "-v", "--remove-orphans");
        }
        finally
        {
            _folder.Delete(recursive: true);
        }
    }

    private async Task RunHealthChecksAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                foreach (var container in (await PodmanApi.ContainersAsync(Name)).Where(c => c is { State: "running", Health: "starting" }))
                {
                    await PodmanApi.RunHealthCheckAsync(container.Id);
                }
            }
            catch (HttpRequestException)
            {
                // A container went away between the list and its inspection; the next round sees what is there.
            }

            try
            {
                await Task.Delay(TimeSpan.FromSeconds(2), stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static async Task AssertEngineReadyAsync()
    {
        Assert.True(await PodmanApi.AnswersAsync(), $"podman's API does not answer on {EngineSocket.Path}: run scripts/containers.sh (test.sh does).");
        var compose = await Command.RunAsync("docker-compose", ["version", "--short"], timeout: TimeSpan.FromMinutes(1));
        Assert.True(compose.Succeeded, $"docker-compose is missing: run scripts/containers.sh (test.sh does).\n{compose.Output}");
    }

    /// <summary>The images to run; each must be here already, for compose would try to pull a missing one.</summary>
    private static async Task<Dictionary<string, string>> ImagesAsync()
    {
        var file = Path.Combine(Repository.Root, "artifacts", "containers", "images.env");
        Assert.True(File.Exists(file), $"{file} is missing: run scripts/containers.sh (test.sh does) to build the images.");
        var images = File.ReadLines(file).Select(line => line.Split('=', 2)).Where(pair => pair[0] != "base").ToDictionary(pair => pair[0], pair => pair[1]);
        foreach (var image in images.Values)
        {
            Assert.True(await PodmanApi.ImageExistsAsync(image), $"{image} (from {file}) is not in podman's storage: run scripts/containers.sh.");
        }

        return images;
    }

    private static string Tail(string text, int lines) => string.Join('\n', text.Split('\n').TakeLast(lines));
}

using System.Diagnostics;
using System.Reflection;
using System.Text.Json;

namespace PartnerApi.Tests;

/// <summary>
/// clients/node-partner/client.js, a client outside the solution built from the .proto files alone
/// with @grpc/grpc-js, run as a partner would run it: its own process, the gateway's gRPC port, a key.
/// </summary>
internal sealed class NodeClient(Uri grpcGateway, string apiKey)
{
    private static readonly string Root = typeof(NodeClient).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(attribute => attribute.Key == "RepositoryRoot").Value!;

    public static string Script => Path.Combine(Root, "clients", "node-partner", "client.js");

    /// <summary>Runs a command; returns its exit code and the JSON lines it printed.</summary>
    public async Task<(int ExitCode, List<JsonElement> Lines)> RunAsync(string input, params string[] arguments)
    {
        Assert.True(File.Exists(Path.Combine(Root, "clients", "node-partner", "node_modules", "@grpc", "grpc-js", "package.json")),
            "clients/node-partner has no node_modules: run scripts/node-packages.sh (test.sh does).");
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        start.ArgumentList.Add(Script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["AMB_GRPC_ADDRESS"] = $"{grpcGateway.Host}:{grpcGateway.Port}";
        start.Environment["AMB_API_KEY"] = apiKey;
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"node client.js {string.Join(' ', arguments)} did not finish: {await output} {await errors}");
        }

        var lines = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement.Clone()).ToList();
        Assert.True(process.ExitCode is 0 or 2, $"node client.js {string.Join(' ', arguments)} exited {process.ExitCode}: {await errors}");
        return (process.ExitCode, lines);
    }
}

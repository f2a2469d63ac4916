using System.Diagnostics;
using System.Text.Json;

namespace Webhooks.Tests;

/// <summary>
/// Checks signatures with a client nobody here wrote: the npm package standardwebhooks, installed
/// once per machine into the test output folder (npm and Node 20 are on the machine) and driven
/// through a small node script.
/// </summary>
public static class StandardWebhooksVerifier
{
    public const string Package = "standardwebhooks@1.1.1";

    private const string Script = """
        const { Webhook } = require("standardwebhooks");
        let input = "";
        process.stdin.on("data", chunk => input += chunk);
        process.stdin.on("end", () => {
          const { secret, headers, body } = JSON.parse(input);
          try {
            new Webhook(secret).verify(body, headers);
            console.log(JSON.stringify({ ok: true }));
          } catch (e) {
            console.log(JSON.stringify({ ok: false, error: e.message }));
          }
        });
        """;

    private static readonly Lazy<Task<string>> Installed = new(InstallAsync);

    /// <summary>Returns null when the package accepts the message, else its error message.</summary>
    public static async Task<string?> VerifyAsync(string secret, IReadOnlyDictionary<string, string> headers, string body)
    {
        var directory = await Installed.Value;
        var input = JsonSerializer.Serialize(new { secret, headers, body });
        var (exit, output, error) = await RunAsync("node", ["verify.js"], directory, input);
        if (exit != 0)
        {
            throw new InvalidOperationException($"node verify.js exited with {exit}: {error}");
        }

        var result = JsonDocument.Parse(output).RootElement;
        return result.GetProperty("ok").GetBoolean() ? null : result.GetProperty("error").GetString();
    }

    private static async Task<string> InstallAsync()
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "standardwebhooks-verifier");
        Directory.CreateDirectory(directory);
        if (!File.Exists(Path.Combine(directory, "node_modules", "standardwebhooks", "package.json")))
        {
            var (exit, _, error) = await RunAsync("npm", ["install", "--no-audit", "--no-fund", "--prefix", directory, Package], directory, null);
            if (exit != 0)
            {
                throw new InvalidOperationException($"npm install {Package} failed ({exit}): {error}");
            }
        }

        await File.WriteAllTextAsync(Path.Combine(directory, "verify.js"), Script);
        return directory;
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(string file, string[] args, string directory, string? input)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = directory, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {file}");
        await process.StandardInput.WriteAsync(input ?? "");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}

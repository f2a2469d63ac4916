using System.Diagnostics;

namespace Contract.Tests;

/// <summary>
/// Redocly's recommended rules over every checked-in document, with no ignore file: security on every
/// operation, 4xx responses, unique operation ids, described tags. The linter is pinned in
/// tools/openapi-lint and installed by test.sh (<c>npm ci</c>).
/// </summary>
public sealed class LintTests
{
    [Fact]
    public async Task Every_document_passes_the_linter_with_no_error()
    {
        var linter = Path.Combine(Repository.Root, "tools", "openapi-lint", "node_modules", ".bin", "redocly");
        Assert.True(File.Exists(linter), $"{linter} is missing: run `npm ci` in tools/openapi-lint (test.sh does).");
        var documents = Directory.EnumerateFiles(Repository.OpenApiFolder, "*.json").Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(documents);

        var (exitCode, output) = await RunAsync(linter, ["lint", "--format=summary", .. documents]);

        Assert.True(exitCode == 0, $"redocly lint failed (exit {exitCode}):\n{output}");
        Assert.Contains("Your API descriptions are valid", output, StringComparison.Ordinal);
        Assert.Equal(documents.Count, CountOf(output, "validating "));
        TestContext.Current.SendDiagnosticMessage($"redocly lint: {output.Split('\n').LastOrDefault(line => line.Contains("warning", StringComparison.Ordinal))?.Trim() ?? "no warnings"}");
    }

    private static int CountOf(string text, string part) => text.Split(part).Length - 1;

    private static async Task<(int ExitCode, string Output)> RunAsync(string program, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(program, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Repository.Root,
            // No telemetry, no update check: the suite runs offline from the registry's point of view.
            Environment = { ["REDOCLY_TELEMETRY"] = "off", ["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true", ["NO_COLOR"] = "1" },
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await stdout + await stderr);
    }
}

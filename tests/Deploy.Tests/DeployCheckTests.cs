using System.Diagnostics;

namespace Deploy.Tests;

public sealed class DeployCheckTests
{
    private static readonly string Root = FindRoot();

    [Fact]
    public async Task Every_deploy_file_parses_and_sets_every_required_key_of_every_service()
    {
        var (exitCode, output) = await RunCheckAsync(Root);

        Assert.True(exitCode == 0, output);
    }

    [Fact]
    public async Task A_required_key_missing_from_compose_fails_the_check_and_is_named()
    {
        var copy = Directory.CreateTempSubdirectory("amb-deploy-check-");
        try
        {
            CopyDirectory(Path.Combine(Root, "deploy"), Path.Combine(copy.FullName, "deploy"));
            Directory.CreateSymbolicLink(Path.Combine(copy.FullName, "artifacts"), Path.Combine(Root, "artifacts"));
            var compose = Path.Combine(copy.FullName, "deploy", "compose", "docker-compose.yml");
            var lines = await File.ReadAllLinesAsync(compose, TestContext.Current.CancellationToken);
            await File.WriteAllLinesAsync(compose, lines.Where(line => !line.Contains("Tracking__IpHashKey=", StringComparison.Ordinal)), TestContext.Current.CancellationToken);

            var (exitCode, output) = await RunCheckAsync(copy.FullName);

            Assert.NotEqual(0, exitCode);
            Assert.Contains("Tracking__IpHashKey", output);
        }
        finally
        {
            copy.Delete(recursive: true);
        }
    }

    private static async Task<(int ExitCode, string Output)> RunCheckAsync(string root)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(root, "deploy", "check.sh")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = root,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await stdout + await stderr);
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var directory in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(directory.Replace(from, to, StringComparison.Ordinal));
        }

        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, file.Replace(from, to, StringComparison.Ordinal));
        }
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "AmbassadorNet.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (AmbassadorNet.sln) is not above the test binaries.");
    }
}

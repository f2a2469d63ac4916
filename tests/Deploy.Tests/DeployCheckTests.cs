namespace Deploy.Tests;

public sealed class DeployCheckTests
{
    private static readonly string Root = Repository.Root;

    [Fact]
    public async Task Every_deploy_file_parses_and_sets_every_required_key_of_every_service()
    {
        var (exitCode, output) = await RunCheckAsync(Root);

        Assert.True(exitCode == 0, output);
    }

    [Fact]
    public async Task A_required_key_missing_from_compose_fails_the_check_and_is_named()
    {
        var (exitCode, output) = await RunCheckOnEditedCopyAsync("docker-compose.yml",
            lines => lines.Where(line => !line.Contains("Tracking__IpHashKey=", StringComparison.Ordinal)));

        Assert.NotEqual(0, exitCode);
        Assert.Contains("FAIL compose tracking: Tracking__IpHashKey not set", output);
    }

    [Fact]
    public async Task A_service_the_host_network_override_leaves_out_fails_the_check_and_is_named()
    {
        var (exitCode, output) = await RunCheckOnEditedCopyAsync("docker-compose.hostnet.yml",
            lines => lines.Where(line => line.Trim() != "audit: *audit"));

        Assert.NotEqual(0, exitCode);
        Assert.Contains("FAIL compose audit: not on the host's network in docker-compose.hostnet.yml", output);
        Assert.DoesNotContain("FAIL compose audit-migrate", output);
    }

    [Fact]
    public async Task A_port_published_by_the_shared_compose_file_fails_the_check_and_is_named()
    {
        var (exitCode, output) = await RunCheckOnEditedCopyAsync("docker-compose.yml",
            lines => lines.SelectMany(line => line == "  rabbitmq:" ? [line, "    ports: [\"127.0.0.1:15672:15672\"]"] : new[] { line }));

        Assert.NotEqual(0, exitCode);
        Assert.Contains("FAIL compose rabbitmq: ports belongs in the networking files, not docker-compose.yml", output);
    }

    /// <summary>deploy/check.sh on a copy of deploy/ whose compose file <paramref name="file"/> is edited line by line.</summary>
    private static async Task<(int ExitCode, string Output)> RunCheckOnEditedCopyAsync(string file, Func<string[], IEnumerable<string>> edit)
    {
        var copy = Directory.CreateTempSubdirectory("amb-deploy-check-");
        try
        {
            CopyDirectory(Path.Combine(Root, "deploy"), Path.Combine(copy.FullName, "deploy"));
            Directory.CreateSymbolicLink(Path.Combine(copy.FullName, "artifacts"), Path.Combine(Root, "artifacts"));
            var path = Path.Combine(copy.FullName, "deploy", "compose", file);
            var lines = await File.ReadAllLinesAsync(path, TestContext.Current.CancellationToken);
            var edited = edit(lines).ToList();
            Assert.NotEqual(lines, edited); // the edit found what it edits
            await File.WriteAllLinesAsync(path, edited, TestContext.Current.CancellationToken);
            return await RunCheckAsync(copy.FullName);
        }
        finally
        {
            copy.Delete(recursive: true);
        }
    }

    private static async Task<(int ExitCode, string Output)> RunCheckAsync(string root)
    {
        var result = await Command.RunAsync("bash", [Path.Combine(root, "deploy", "check.sh")], workingDirectory: root);
        return (result.ExitCode, result.Output);
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
}

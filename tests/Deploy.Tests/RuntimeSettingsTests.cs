using System.Text.Json;

namespace Deploy.Tests;

/// <summary>
/// The GC settings every deployable carries in its runtimeconfig.json (Directory.Build.targets), which
/// the AppHost, the images and kubernetes all start it with: decisions 0030 and 0031.
/// </summary>
public sealed class RuntimeSettingsTests
{
    private static readonly string[] Projects =
    [
        "AmbassadorNet.Gateway", "AmbassadorNet.Analytics", "AmbassadorNet.Audit", "AmbassadorNet.Campaigns",
        "AmbassadorNet.Creators", "AmbassadorNet.Payouts", "AmbassadorNet.Tracking", "AmbassadorNet.Webhooks",
    ];

    public static TheoryData<string> Deployables => new(Projects);

    [Theory]
    [MemberData(nameof(Deployables))]
    public void A_deployable_runs_workstation_gc_and_starts_objects_under_1_MB_in_gen0(string project)
    {
        var options = ConfigProperties(project);

        Assert.False(options.GetProperty("System.GC.Server").GetBoolean());
        Assert.Equal(1_048_576, options.GetProperty("System.GC.LOHThreshold").GetInt32());
    }

    [Fact]
    public void The_list_names_every_project_of_the_web_sdk_under_services_and_gateway()
    {
        var webProjects = new[] { "services", "gateway" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(Repository.Root, folder), "*.csproj", SearchOption.AllDirectories))
            .Where(path => File.ReadAllText(path).Contains("Microsoft.NET.Sdk.Web", StringComparison.Ordinal))
            .Select(Path.GetFileNameWithoutExtension)
            .Order(StringComparer.Ordinal);

        Assert.Equal(Projects.Order(StringComparer.Ordinal), webProjects);
    }

    /// <summary>The project's build output next to this test's (artifacts/bin/{project}/{configuration}).</summary>
    private static JsonElement ConfigProperties(string project)
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var path = Path.Combine(testOutput.Parent!.Parent!.FullName, project, testOutput.Name, $"{project}.runtimeconfig.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties").Clone();
    }
}

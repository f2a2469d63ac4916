namespace AmbassadorNet.Orchestration.Composition;

/// <summary>
/// Where the build put each project's dll: artifacts/bin/{project}/{configuration}/{project}.dll
/// (UseArtifactsOutput). Found from our own location, which follows the same layout.
/// </summary>
public sealed record ServiceBinaries(string Root, string Configuration)
{
    public static ServiceBinaries NextToThisProcess()
    {
        var own = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        return new ServiceBinaries(own.Parent?.Parent?.FullName ?? own.FullName, own.Name);
    }

    public string Dll(string project) => Path.Combine(Root, project, Configuration, project + ".dll");
}

namespace Deploy.Tests;

/// <summary>The repository the test binaries were built from (deploy/ and artifacts/ are read from it).</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

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

namespace AmbassadorNet.Orchestration.Processes;

/// <summary>The dotnet muxer that runs a service's dll: the one running us when we run under it, else the one on PATH.</summary>
internal static class DotnetHost
{
    public static string Path { get; } =
        Environment.ProcessPath is { } self && System.IO.Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : "dotnet";
}

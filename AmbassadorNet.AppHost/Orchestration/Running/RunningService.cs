using AmbassadorNet.Orchestration.Declaration;
using AmbassadorNet.Orchestration.Processes;

namespace AmbassadorNet.Orchestration.Running;

/// <summary>A started service: its declaration, its process and how long it took to become ready.</summary>
public sealed record RunningService(ServiceResource Resource, ChildProcess Process, int Depth)
{
    public string Name => Resource.Name;

    public Uri Url => Resource.Url;

    public TimeSpan? ReadyAfter { get; internal set; }
}

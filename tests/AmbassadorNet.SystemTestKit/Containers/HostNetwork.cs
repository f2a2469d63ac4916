using Docker.DotNet.Models;

namespace AmbassadorNet.SystemTestKit.Containers;

/// <summary>
/// How every container a test starts is created: on the host's network, its servers on explicit ports
/// of 127.0.0.1, never on a bridge (which hands out private-range addresses these machines must not
/// send traffic to), and labelled so scripts/clean-test-leftovers.sh can remove what a dead run left.
/// </summary>
public static class HostNetwork
{
    public const string TestLabel = "ambassadornet.test";

    public static void Apply(CreateContainerParameters parameters)
    {
        parameters.HostConfig ??= new HostConfig();
        parameters.HostConfig.NetworkMode = "host";
        parameters.HostConfig.PortBindings?.Clear();
        parameters.ExposedPorts?.Clear();
    }
}

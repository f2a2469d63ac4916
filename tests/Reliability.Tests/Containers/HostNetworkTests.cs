using AmbassadorNet.SystemTestKit.Containers;

namespace Reliability.Tests.Containers;

/// <summary>
/// Containers may only use the host's network: a bridge hands out private-range addresses, and these
/// machines must send traffic to none. Every container this run's fixtures started, and every container
/// with the tests' label the engine runs, is asked of the engine itself.
/// </summary>
[Collection(ContainerSystemCollection.Name)]
public sealed class HostNetworkTests(ContainerSystemFixture fixture)
{
    [Fact]
    public async Task Every_container_runs_on_the_host_network_with_no_address_of_its_own()
    {
        var ids = fixture.Containers.Select(c => c.Id).Union(await ContainerEngine.LabelledAsync()).ToList();
        Assert.NotEmpty(ids);
        foreach (var id in ids)
        {
            var networking = await ContainerEngine.NetworkingAsync(id);
            Assert.True(networking.OnHostNetworkOnly, $"container {id}: network mode '{networking.Mode}', addresses [{string.Join(", ", networking.Addresses)}]");
        }
    }
}

using AmbassadorNet.Gateway.Routing;
using AmbassadorNet.RouteTable;

namespace RouteTable.Tests;

/// <summary>The checked-in table is what the services declare today, and it is the table the gateway runs with.</summary>
public sealed class GeneratedTableTests
{
    [Fact]
    public async Task The_checked_in_file_is_what_the_generator_writes_from_the_services()
    {
        var generated = await ServiceRouteTable.RenderAsync();
        var path = ServiceRouteTable.CheckedInPath();
        var checkedIn = File.Exists(path) ? await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken) : "";

        Assert.True(generated == checkedIn,
            $"{GeneratedTableFile.RelativePath} is stale; regenerate it with `{GeneratedTableFile.Command}`.\n{FirstDifference(checkedIn, generated)}");
    }

    [Fact]
    public async Task The_gateway_runs_with_exactly_the_services_rows()
    {
        var declared = (await ServiceRouteTable.ReadAsync()).SelectMany(s => s.Routes)
            .Select(r => $"{r.Service} {string.Join("|", r.Methods)} {r.Template} {r.Policy ?? "public"} {r.MaxBodyBytes}");

        var routed = GatewayRouteTable.Default.Routes
            .Where(r => r.Service != GatewayServices.GatewayItself && !r.Template.IsUnder(GatewayServices.OpsPrefix) && r.Template.Text != GatewayServices.OpenApiPath(r.Service))
            .Select(r => $"{r.Service} {string.Join("|", r.Methods)} {r.Template} {r.Access} {r.MaxBodyBytes}");

        Assert.Equal(declared, routed);
    }

    private static string FirstDifference(string checkedIn, string generated)
    {
        var before = checkedIn.Split('\n');
        var after = generated.Split('\n');
        var line = Enumerable.Range(0, Math.Max(before.Length, after.Length))
            .FirstOrDefault(i => i >= before.Length || i >= after.Length || before[i] != after[i], -1);
        return line < 0 ? "" : $"First difference at line {line + 1}:\n  checked in: {before.ElementAtOrDefault(line)}\n  generated:  {after.ElementAtOrDefault(line)}";
    }
}

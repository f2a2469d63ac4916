using System.Text.RegularExpressions;

namespace Deploy.Tests.Compose;

/// <summary>The brand tools/AmbassadorNet.Demo seeded, by the keys its report ends with.</summary>
internal sealed record DemoBrand(string AdminKey, string FinanceKey, string Report);

internal static partial class DemoSeed
{
    /// <summary>
    /// Seeds a small demo brand through the gateway, as docs/demo.md runs it, up to the release of what
    /// is due: the caller runs the payout itself (<c>--payout-run no</c>).
    /// </summary>
    public static async Task<DemoBrand> RunAsync(Uri gateway, string operatorKey, TimeSpan timeout)
    {
        var configuration = Environment.GetEnvironmentVariable("AMB_CONFIGURATION") ?? "debug";
        var demo = Path.Combine(Repository.Root, "artifacts", "bin", "AmbassadorNet.Demo", configuration, "AmbassadorNet.Demo.dll");
        var result = await Command.RunAsync("dotnet", [demo, "--seed", "--gateway", gateway.ToString(), "--operator-key", operatorKey,
            "--creators", "20", "--clicks", "200", "--orders", "40", "--payout-run", "no"], timeout: timeout);
        Assert.True(result.Succeeded, $"the demo {(result.TimedOut ? $"did not finish in {timeout}" : $"failed ({result.ExitCode})")}:\n{result.Output}");
        return new DemoBrand(Key("admin"), Key("finance"), result.Output);

        string Key(string role) => KeyLine().Matches(result.Output).SingleOrDefault(m => m.Groups["role"].Value == role)?.Groups["key"].Value
            ?? throw new InvalidOperationException($"The demo's report names no {role} key:\n{result.Output}");
    }

    [GeneratedRegex(@"^\s*(?<role>\w+) key:\s+(?<key>\S+)\s*$", RegexOptions.Multiline)]
    private static partial Regex KeyLine();
}

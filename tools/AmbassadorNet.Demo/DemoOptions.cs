using System.Globalization;

namespace AmbassadorNet.Demo;

/// <summary>What to seed and where; arguments win over the environment (AMB_GATEWAY_URL, AMB_OPERATOR_KEY).</summary>
public sealed record DemoOptions(Uri Gateway, string OperatorKey, int Seed, int Creators, int Clicks, int Orders, string BrandName, bool PayoutRun)
{
    public const string Usage = """
        Seeds a demo brand through the public API of a running AmbassadorNet (see docs/demo.md).

          dotnet artifacts/bin/AmbassadorNet.Demo/debug/AmbassadorNet.Demo.dll --seed \
            [--gateway http://127.0.0.1:5000] [--operator-key amb_operator_…] [--random-seed 42]
            [--creators 300] [--clicks 3000] [--orders 400] [--brand "Verdant Foods (demo)"]
            [--payout-run yes]

        --gateway and --operator-key default to AMB_GATEWAY_URL and AMB_OPERATOR_KEY.
        The same --random-seed builds the same brand (new ids and times each run).
        --payout-run no stops after the release, for a caller that runs payouts itself.
        """;

    public static DemoOptions? Parse(string[] args, TextWriter error)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] is "--seed")
            {
                continue; // the command itself: seeding is all this program does
            }

            if (args[i] is "-h" or "--help" || !args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 == args.Length)
            {
                error.WriteLine(Usage);
                return null;
            }

            values[args[i][2..]] = args[++i];
        }

        var gateway = values.GetValueOrDefault("gateway") ?? Environment.GetEnvironmentVariable("AMB_GATEWAY_URL") ?? "http://127.0.0.1:5000";
        var key = values.GetValueOrDefault("operator-key") ?? Environment.GetEnvironmentVariable("AMB_OPERATOR_KEY");
        if (!Uri.TryCreate(gateway, UriKind.Absolute, out var uri) || string.IsNullOrWhiteSpace(key))
        {
            error.WriteLine("A gateway URL and the operator key are needed (./run.sh prints both).");
            error.WriteLine(Usage);
            return null;
        }

        int Number(string name, int fallback, int min, int max)
        {
            var value = values.TryGetValue(name, out var text) ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
            return value >= min && value <= max ? value : throw new ArgumentOutOfRangeException(name, $"--{name} must be between {min} and {max}.");
        }

        var payoutRun = values.GetValueOrDefault("payout-run") ?? "yes";
        if (payoutRun is not ("yes" or "no"))
        {
            error.WriteLine("--payout-run is yes or no.");
            return null;
        }

        return new DemoOptions(
            uri, key, Number("random-seed", 42, 0, int.MaxValue), Number("creators", 300, 10, 5_000), Number("clicks", 3_000, 0, 100_000),
            Number("orders", 400, 0, 20_000), values.GetValueOrDefault("brand") ?? "Verdant Foods (demo)", payoutRun == "yes");
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using AmbassadorNet.TestKit;
using AmbassadorNet.TestKit.Waiting;
using Deploy.Tests.Compose;

namespace Deploy.Tests;

/// <summary>
/// deploy/compose run for real: the images of deploy/ started by docker-compose on podman, with the
/// host-network override as the only difference from a real deployment, the demo brand seeded through
/// the gateway, a payout run reconciled with the ledger, then everything stopped and removed. Needs the
/// engine and images of scripts/containers.sh (test.sh runs it); one run at a time per machine (fixed ports).
/// </summary>
public sealed class ComposeSmokeTests
{
    private const string Project = "amb-smoke";

    /// <summary>The gateway's address in docker-compose.hostnet.yml.</summary>
    private static readonly Uri Gateway = new("http://127.0.0.1:30080/");

    /// <summary>postgres, rabbitmq, and each of the eight .NET images twice: its migration job and the service.</summary>
    private const int Containers = 18;

    private readonly Stopwatch _clock = Stopwatch.StartNew();

    [Fact]
    public async Task The_compose_file_runs_on_the_host_network_seeds_the_demo_and_reconciles_a_payout_run()
    {
        await using var project = await ComposeProject.CreateAsync(Project);
        await project.DownAsync(); // what a killed run left
        Phase("prepared");

        await project.UpAsync(TestTimeouts.Scaled(TimeSpan.FromMinutes(4)));
        Phase("up");
        using var http = new HttpClient { BaseAddress = Gateway, Timeout = TimeSpan.FromSeconds(60) };
        await GatewayReadyAsync(http, project);
        Phase("gateway ready");

        var containers = await PodmanApi.ContainersAsync(Project);
        Assert.Equal(Containers, containers.Count);
        Assert.All(containers, c => Assert.True(c is { NetworkMode: "host", Addresses.Count: 0 },
            $"{c.Name}: network mode '{c.NetworkMode}', addresses [{string.Join(", ", c.Addresses)}]"));
        Assert.All(containers, c => Assert.True(c.Name.Contains("-migrate", StringComparison.Ordinal) ? c is { State: "exited", ExitCode: 0 } : c.State == "running", c.ToString()));

        var brand = await DemoSeed.RunAsync(Gateway, project.OperatorKey, TestTimeouts.Scaled(TimeSpan.FromMinutes(5)));
        Phase("demo seeded");
        await RunAndReconcilePayoutsAsync(http, brand);
        Phase("payout run reconciled");

        await project.DownAsync();
        Assert.Empty(await PodmanApi.ContainersAsync(Project));
        Assert.Empty(await PodmanApi.VolumesAsync(Project));
        Phase("down");
    }

    private static async Task GatewayReadyAsync(HttpClient http, ComposeProject project)
    {
        try
        {
            await Eventually.UntilAsync(async ct => (await http.GetAsync("health/ready", ct)).IsSuccessStatusCode, "the gateway's /health/ready",
                TimeSpan.FromMinutes(2));
        }
        catch (TimeoutException e)
        {
            Assert.Fail($"{e.Message}\n{await project.DescribeFailuresAsync()}");
        }
    }

    /// <summary>
    /// Finance's month end over what the demo released (docs/services/payouts.md): the run pays exactly
    /// what was available at its period end, less what it lists as excluded; the batch is approved by the
    /// admin (four eyes), exported, and the provider's file pays every line; the ledger still balances.
    /// </summary>
    private static async Task RunAndReconcilePayoutsAsync(HttpClient http, DemoBrand brand)
    {
        var finance = new GatewayClient(http, brand.FinanceKey);
        var admin = new GatewayClient(http, brand.AdminKey);
        var now = DateTimeOffset.UtcNow;
        var periodEnd = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond)).AddSeconds(-1); // whole seconds, not in the future

        var run = await finance.PostAsync("/api/payouts/runs", new { periodEnd });
        var batches = run.GetProperty("batches").EnumerateArray().ToList();
        Assert.True(batches.Count == 1, $"one USD batch expected, the run answered {run}\nthe demo's report:\n{brand.Report}");
        var batch = batches[0];
        var total = batch.GetProperty("total").GetDecimal();
        var excluded = run.GetProperty("excluded").EnumerateArray().Where(e => e.GetProperty("currency").GetString() == "USD")
            .Sum(e => e.GetProperty("balance").GetDecimal());
        // Entries posted at or before the period end: the trial balance counts those before 'at'.
        var atPeriodEnd = await finance.GetAsync($"/api/ledger/trial-balance?at={Uri.EscapeDataString(periodEnd.AddTicks(10).ToString("O"))}");
        Assert.Equal(-Balance(atPeriodEnd, "creator_available"), total + excluded);

        var batchId = batch.GetProperty("id").GetGuid();
        var lines = (await finance.GetAsync($"/api/payouts/batches/{batchId}")).GetProperty("lines").EnumerateArray().ToList();
        Assert.Equal(batch.GetProperty("lineCount").GetInt32(), lines.Count);
        Assert.Equal(total, lines.Sum(l => l.GetProperty("amount").GetDecimal()));
        Assert.All(lines, l => Assert.Equal(l.GetProperty("amount").GetDecimal(), l.GetProperty("entries").EnumerateArray().Sum(e => e.GetProperty("amount").GetDecimal())));

        await admin.PostAsync($"/api/payouts/batches/{batchId}/approve");
        var export = (await finance.GetTextAsync($"/api/payouts/batches/{batchId}/export.csv"))
            .Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(row => row.Split(',')).ToList();
        Assert.Equal(
            lines.Select(l => (l.GetProperty("id").GetGuid(), l.GetProperty("amount").GetDecimal())).Order(),
            export.Select(row => (Guid.Parse(row[0]), decimal.Parse(row[2], CultureInfo.InvariantCulture))).Order());

        var settlement = new StringBuilder("line_id,status,amount,currency,provider_reference,failure_reason\r\n");
        foreach (var row in export)
        {
            settlement.Append(CultureInfo.InvariantCulture, $"{row[0]},paid,{row[2]},{row[3]},TX-{row[0][..8]},\r\n");
        }

        await finance.PostTextAsync($"/api/payouts/batches/{batchId}/settlement", settlement.ToString(), "text/csv");
        var reconciliation = await finance.GetAsync($"/api/payouts/batches/{batchId}/reconciliation");
        Assert.Equal("settled", reconciliation.GetProperty("status").GetString());
        var outcomes = reconciliation.GetProperty("imports").EnumerateArray().SelectMany(i => i.GetProperty("rows").EnumerateArray())
            .Select(r => r.GetProperty("outcome").GetString()).ToList();
        Assert.Equal(Enumerable.Repeat("paid", lines.Count), outcomes);

        var after = await finance.GetAsync("/api/ledger/trial-balance");
        var usd = after.GetProperty("currencies").EnumerateArray().Single(c => c.GetProperty("currency").GetString() == "USD");
        Assert.Equal(0m, usd.GetProperty("net").GetDecimal());
        Assert.Equal(usd.GetProperty("totalDebits").GetDecimal(), usd.GetProperty("totalCredits").GetDecimal());
        Assert.Equal(-total, Balance(after, "payouts_paid"));
        Assert.Equal(0m, Balance(after, "creator_in_payout"));
    }

    /// <summary>An account kind's balance (debits less credits) in USD; an account kind with no entries has none.</summary>
    private static decimal Balance(JsonElement trialBalance, string account) =>
        trialBalance.GetProperty("currencies").EnumerateArray().Where(c => c.GetProperty("currency").GetString() == "USD")
            .SelectMany(c => c.GetProperty("lines").EnumerateArray()).Where(l => l.GetProperty("account").GetString() == account)
            .Sum(l => l.GetProperty("balance").GetDecimal());

    private void Phase(string name) => TestContext.Current.TestOutputHelper?.WriteLine($"[{_clock.Elapsed.TotalSeconds,6:0.0}s] {name}");
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AmbassadorNet.AppHost.Composition;
using AmbassadorNet.SystemTestKit;
using AppHost.Tests.Support;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using AmbassadorNet.TestKit;
using AmbassadorNet.TestKit.Waiting;

namespace AppHost.Tests;

public sealed class WholeSystemTests(WholeSystemFixture fixture) : IClassFixture<WholeSystemFixture>
{
    // A just-started system on a busy 2-core machine can take more than 10 s over its first requests.
    private static readonly HttpClient Http = new() { Timeout = TestTimeouts.Scaled(TimeSpan.FromSeconds(30)) };

    /// <summary>What the dashboard shows: the servers reachable, every migration finished with 0, every service running and healthy.</summary>
    [Fact]
    public void Every_resource_of_the_AppHost_is_healthy_and_every_migration_finished()
    {
        var states = fixture.System.App.ResourceNotifications;
        foreach (var server in new[] { "postgres", "rabbitmq" })
        {
            Assert.True(states.TryGetCurrentState(server, out var state), $"no resource {server}");
            Assert.Equal(HealthStatus.Healthy, state.Snapshot.HealthStatus);
        }

        foreach (var service in TestSystem.Services)
        {
            Assert.True(states.TryGetCurrentState(service + AmbassadorNetSystem.MigrationsSuffix, out var migration), $"no migration resource for {service}");
            Assert.Equal(KnownResourceStates.Finished, migration.Snapshot.State?.Text);
            Assert.Equal(0, migration.Snapshot.ExitCode);
            Assert.True(states.TryGetCurrentState(service, out var running), $"no resource {service}");
            Assert.Equal(KnownResourceStates.Running, running.Snapshot.State?.Text);
            Assert.Equal(HealthStatus.Healthy, running.Snapshot.HealthStatus);
        }
    }

    [Fact]
    public async Task Every_service_answers_its_health_endpoints_on_its_own_port()
    {
        foreach (var service in TestSystem.Services)
        {
            var url = fixture.System.UrlOf(service);
            using var live = await Http.GetAsync(new Uri(url, "/health/live"));
            using var ready = await Http.GetAsync(new Uri(url, "/health/ready"));
            Assert.True(live.StatusCode == HttpStatusCode.OK, $"{service} /health/live answered {(int)live.StatusCode}");
            Assert.True(ready.StatusCode == HttpStatusCode.OK, $"{service} /health/ready answered {(int)ready.StatusCode}: {await ready.Content.ReadAsStringAsync()}");
            Assert.Equal("Healthy", (await ready.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        }
    }

    /// <summary>The run's keys are wired end to end: the operator key, the gateway's private key, each service's public key.</summary>
    [Fact]
    public async Task The_operator_key_creates_a_brand_whose_admin_key_reaches_creators_through_the_gateway()
    {
        var gateway = fixture.System.Gateway;
        using var create = new HttpRequestMessage(HttpMethod.Post, new Uri(gateway, "/api/brands")) { Content = JsonContent.Create(new { name = "AppHost test brand" }) };
        create.Headers.Authorization = new("Bearer", fixture.System.OperatorKey);
        using var created = await Http.SendAsync(create);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var adminKey = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("apiKey").GetProperty("key").GetString();

        using var list = new HttpRequestMessage(HttpMethod.Get, new Uri(gateway, "/api/creators"));
        list.Headers.Authorization = new("Bearer", adminKey);
        using var listed = await Http.SendAsync(list);
        Assert.True(listed.StatusCode == HttpStatusCode.OK, $"GET /api/creators through the gateway answered {(int)listed.StatusCode}: {await listed.Content.ReadAsStringAsync()}");
    }

    /// <summary>
    /// The thin slice across every process (<see cref="FirstEnrollment"/>), and the public redirect
    /// answers through the gateway without a key.
    /// </summary>
    [Fact]
    public async Task A_brand_takes_a_creator_from_application_to_a_working_tracking_link_through_the_gateway()
    {
        var gateway = fixture.System.Gateway;
        var first = await FirstEnrollment.CreateAsync(Http, fixture.System, "Journey brand", "janedoe");

        using var noRedirects = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var redirect = await noRedirects.GetAsync(new Uri(gateway, $"/r/{first.LinkCode}"));
        var location = redirect.Headers.Location!.ToString();

        Assert.Equal(HttpStatusCode.Found, redirect.StatusCode);
        Assert.StartsWith("https://shop.example.com/box?ref=spring&", location);
        Assert.Contains("utm_content=janedoe", location);
        Assert.Contains("amb_cid=", location);
        Assert.Equal("JANEDOE", first.PromoCode);
    }

    [Fact]
    public void Each_service_log_line_is_kept_under_its_resource_name()
    {
        foreach (var service in TestSystem.Services)
        {
            Assert.Contains(fixture.System.Logs.LinesOf(service), line => line.Contains("Now listening on", StringComparison.Ordinal));
            Assert.Contains(fixture.System.Logs.LinesOf(service + AmbassadorNetSystem.MigrationsSuffix), line => line.Contains("igration", StringComparison.Ordinal));
        }
    }

    /// <summary>
    /// Aspire's stop command reaches the service's own process (not only the dotnet run around it) with
    /// SIGTERM: it drains, exits 0 and closes its port; the start command brings it back healthy.
    /// </summary>
    [Fact]
    public async Task The_stop_command_drains_the_service_process_and_the_start_command_brings_it_back()
    {
        var pid = fixture.System.ProcessIdOf("webhooks");

        try
        {
            await fixture.System.StopServiceAsync("webhooks");

            Assert.False(ServiceProcess.IsRunning(pid), $"webhooks' own process {pid} still runs after the stop command");
            Assert.False(await ServiceProcess.AcceptsConnectionsAsync(fixture.System.UrlOf("webhooks").Port));
            // Its own graceful shutdown ran (DCP reports the exit of the stopped dotnet run as -1, so the code proves nothing).
            await fixture.System.Logs.SettledAsync("webhooks");
            Assert.Contains(fixture.System.Logs.LinesOf("webhooks"), line => line.Contains("Application is shutting down", StringComparison.Ordinal));
        }
        finally
        {
            await fixture.System.RestartAsync("webhooks", TestContext.Current.CancellationToken);
        }

        Assert.NotEqual(pid, fixture.System.ProcessIdOf("webhooks"));
        using var ready = await Http.GetAsync(new Uri(fixture.System.UrlOf("webhooks"), "/health/ready"));
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }
}

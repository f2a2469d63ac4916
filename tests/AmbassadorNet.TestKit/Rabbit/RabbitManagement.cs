using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;

namespace AmbassadorNet.TestKit.Rabbit;

/// <summary>The few calls of RabbitMQ's management HTTP API the tests need.</summary>
public static class RabbitManagement
{
    private static readonly HttpClient Http = CreateClient();

    public static async Task CreateVhostAsync(string vhost)
    {
        (await Http.PutAsync($"api/vhosts/{Escape(vhost)}", null)).EnsureSuccessStatusCode();
        var permissions = new { configure = ".*", write = ".*", read = ".*" };
        (await Http.PutAsJsonAsync($"api/permissions/{Escape(vhost)}/{Escape(TestServers.RabbitUser)}", permissions)).EnsureSuccessStatusCode();
    }

    public static async Task DeleteVhostAsync(string vhost)
    {
        var response = await Http.DeleteAsync($"api/vhosts/{Escape(vhost)}");
        if (response.StatusCode != HttpStatusCode.NotFound)
        {
            response.EnsureSuccessStatusCode();
        }
    }

    public static async Task<IReadOnlyList<string>> ListVhostsAsync()
    {
        var vhosts = await Http.GetFromJsonAsync<List<NamedItem>>("api/vhosts?columns=name") ?? [];
        return vhosts.Select(v => v.Name).ToList();
    }

    /// <summary>
    /// Ready and unacknowledged counts per queue. The broker refreshes these statistics on an
    /// interval (scripts/servers.sh sets 500 ms), so settle on two equal polls before trusting them.
    /// </summary>
    public static async Task<IReadOnlyList<QueueStats>> QueuesAsync(string vhost) =>
        await Http.GetFromJsonAsync<List<QueueStats>>(
            $"api/queues/{Escape(vhost)}?columns=name,messages_ready,messages_unacknowledged") ?? [];

    /// <summary>One queue as the management API describes it (type, arguments, counts).</summary>
    public static async Task<System.Text.Json.JsonElement> QueueAsync(string vhost, string queue) =>
        await Http.GetFromJsonAsync<System.Text.Json.JsonElement>($"api/queues/{Escape(vhost)}/{Escape(queue)}");

    private static string Escape(string name) => Uri.EscapeDataString(name);

    private static HttpClient CreateClient()
    {
        var client = new HttpClient { BaseAddress = TestServers.RabbitManagement, Timeout = TimeSpan.FromSeconds(30) };
        var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{TestServers.RabbitUser}:{TestServers.RabbitPassword}"));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", credentials);
        return client;
    }

    private sealed record NamedItem(string Name);
}

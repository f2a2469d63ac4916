using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;

namespace AmbassadorNet.TestKit.Rabbit;

/// <summary>
/// The few calls of RabbitMQ's management HTTP API the tests need, of the shared broker unless a call
/// names another (a container of a test's own).
/// </summary>
public static class RabbitManagement
{
    private static readonly ConcurrentDictionary<RabbitBroker, HttpClient> Clients = new();

    public static async Task CreateVhostAsync(string vhost, RabbitBroker? broker = null)
    {
        broker ??= RabbitBroker.Shared;
        var http = Http(broker);
        (await http.PutAsync($"api/vhosts/{Escape(vhost)}", null)).EnsureSuccessStatusCode();
        var permissions = new { configure = ".*", write = ".*", read = ".*" };
        (await http.PutAsJsonAsync($"api/permissions/{Escape(vhost)}/{Escape(broker.Username)}", permissions)).EnsureSuccessStatusCode();
    }

    public static async Task DeleteVhostAsync(string vhost, RabbitBroker? broker = null)
    {
        var response = await Http(broker).DeleteAsync($"api/vhosts/{Escape(vhost)}");
        if (response.StatusCode != HttpStatusCode.NotFound)
        {
            response.EnsureSuccessStatusCode();
        }
    }

    public static async Task<IReadOnlyList<string>> ListVhostsAsync()
    {
        var vhosts = await Http(null).GetFromJsonAsync<List<NamedItem>>("api/vhosts?columns=name") ?? [];
        return vhosts.Select(v => v.Name).ToList();
    }

    /// <summary>
    /// Ready and unacknowledged counts per queue. The broker refreshes these statistics on an
    /// interval (scripts/servers.sh sets 500 ms), so settle on two equal polls before trusting them.
    /// </summary>
    public static async Task<IReadOnlyList<QueueStats>> QueuesAsync(string vhost, RabbitBroker? broker = null) =>
        await Http(broker).GetFromJsonAsync<List<QueueStats>>(
            $"api/queues/{Escape(vhost)}?columns=name,messages_ready,messages_unacknowledged") ?? [];

    /// <summary>One queue as the management API describes it (type, arguments, counts).</summary>
    public static async Task<System.Text.Json.JsonElement> QueueAsync(string vhost, string queue, RabbitBroker? broker = null) =>
        await Http(broker).GetFromJsonAsync<System.Text.Json.JsonElement>($"api/queues/{Escape(vhost)}/{Escape(queue)}");

    private static string Escape(string name) => Uri.EscapeDataString(name);

    private static HttpClient Http(RabbitBroker? broker) => Clients.GetOrAdd(broker ?? RabbitBroker.Shared, CreateClient);

    private static HttpClient CreateClient(RabbitBroker broker)
    {
        var client = new HttpClient { BaseAddress = broker.Management, Timeout = TimeSpan.FromSeconds(30) };
        var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{broker.Username}:{broker.Password}"));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", credentials);
        return client;
    }

    private sealed record NamedItem(string Name);
}

using System.Text.Json;
using AmbassadorNet.Analytics;
using AmbassadorNet.Analytics.Persistence;
using AmbassadorNet.Security;
using AmbassadorNet.TestKit.Services;
using AmbassadorNet.TestKit.Waiting;

namespace Analytics.Tests;

/// <summary>
/// The analytics service as it ships (<see cref="AnalyticsApp"/>) on a loopback port, with its own
/// database and vhost. It answers analysts: requests carry that role unless a test names another.
/// </summary>
public sealed class AnalyticsService() : ServiceUnderTest<AnalyticsDbContext>(AnalyticsApp.Name, AnalyticsDbContext.Migrations, AnalyticsApp.Create)
{
    protected override IReadOnlyList<string> DefaultRoles => [Roles.Analyst];

    public Task<JsonElement> ReadAsync(string path, Guid brand) => ReadAsync(HttpMethod.Get, path, brand);

    /// <summary>Reads a view once every queue has drained and the answer has stopped changing.</summary>
    public async Task<JsonElement> SettledAsync(string path, Guid brand)
    {
        var text = await Eventually.SettledAsync(async _ => (await ReadAsync(path, brand)).GetRawText(), path, Idle, TimeSpan.FromSeconds(90));
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public Task PublishAllAsync(IEnumerable<object> messages) => Task.WhenAll(messages.Select(m => PublishAsync(m)));
}

using System.Text.Json;
using AmbassadorNet.TestKit.Waiting;

namespace Webhooks.Tests;

/// <summary>Polls for what the receiver and the API show, with deadlines (never bare sleeps).</summary>
public static class Waits
{
    public static Task<IReadOnlyList<ReceivedRequest>> ReceivedAsync(this WebhooksService service, string path, int count) =>
        Eventually.UntilAsync(_ => Task.FromResult(service.Receiver.ReceivedAt(path)), r => r.Count >= count, $"{count} request(s) at /{path}");

    /// <summary>Waits until the receiver's count at <paramref name="path"/> holds still, then returns it: proof that nothing more arrives.</summary>
    public static async Task<int> SettledCountAsync(this WebhooksService service, string path) =>
        await Eventually.SettledAsync(_ => Task.FromResult(service.Receiver.ReceivedAt(path).Count), $"requests at /{path} to stop");

    public static Task<JsonElement> DeliveryAsync(this WebhooksService service, Guid brand, Guid subscription, string status) =>
        Eventually.UntilAsync(
            async _ => (await service.DeliveriesAsync(brand, subscription)).FirstOrDefault(),
            d => d.ValueKind == JsonValueKind.Object && d.GetProperty("status").GetString() == status,
            $"a {status} delivery of {subscription}");

    public static Task<JsonElement> SubscriptionAsync(this WebhooksService service, Guid brand, Guid subscription, string status) =>
        Eventually.UntilAsync(
            _ => service.ReadAsync(HttpMethod.Get, $"/api/webhooks/{subscription}", brand),
            s => s.GetProperty("status").GetString() == status,
            $"subscription {subscription} to be {status}");

    public static List<JsonElement> AttemptLog(this JsonElement delivery) => delivery.GetProperty("attemptLog").EnumerateArray().ToList();
}

using System.Text.Json;
using AmbassadorNet.Partner.V1;
using AmbassadorNet.SystemTestKit;
using Grpc.Core;

namespace PartnerApi.Tests;

/// <summary>What the tests do with the stream and the HTTP API: subscribe with a key, read until a condition, make events happen.</summary>
internal static class StreamReading
{
    public static Metadata Bearer(string apiKey) => new() { { "authorization", $"Bearer {apiKey}" } };

    public static AsyncServerStreamingCall<Event> Subscribe(this PartnerSystemFixture fixture, GatewayClient key, SubscribeRequest request, CancellationToken ct = default) =>
        new EventStream.EventStreamClient(fixture.Channel).Subscribe(request, Bearer(key.ApiKey), cancellationToken: ct);

    /// <summary>Reads until <paramref name="done"/> holds for what was read, or fails after <paramref name="timeout"/> with what arrived.</summary>
    public static async Task<List<Event>> ReadUntilAsync(this AsyncServerStreamingCall<Event> call, Func<IReadOnlyList<Event>, bool> done, TimeSpan? timeout = null)
    {
        var received = new List<Event>();
        using var deadline = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        try
        {
            while (!done(received) && await call.ResponseStream.MoveNext(deadline.Token))
            {
                received.Add(call.ResponseStream.Current);
            }
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.Cancelled && deadline.IsCancellationRequested)
        {
            // timed out: reported below with what did arrive
        }

        Assert.True(done(received), $"the stream did not deliver what was expected in time; it sent {received.Count} events: " +
            string.Join(", ", received.Select(e => $"{e.Position}:{e.Type}")));
        return received;
    }

    /// <summary>A creator applies through the HTTP API: a creator.applied event for the brand's log.</summary>
    public static async Task<Guid> NewCreatorAsync(this GatewayClient brand, string handle)
    {
        var creator = await brand.SendAsync(HttpMethod.Post, "/api/creators", new
        {
            displayName = "Stream Creator " + handle, email = $"{handle}@example.com", country = "US", niches = new[] { "fitness" },
            socialAccounts = new[] { new { platform = "instagram", handle, followers = 12_000, averageLikes = 400, averageComments = 30 } },
        });
        return creator.GetProperty("id").GetGuid();
    }

    public static JsonElement Data(this Event entry) => JsonDocument.Parse(entry.DataJson).RootElement;

    public static bool IsAbout(this Event entry, Guid creatorId) =>
        entry.Data().TryGetProperty("creatorId", out var id) && id.GetGuid() == creatorId;

    public static string NewHandle(string prefix) => $"{prefix}{Guid.NewGuid():N}"[..20];
}

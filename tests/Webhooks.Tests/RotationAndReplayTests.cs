using System.Net;

namespace Webhooks.Tests;

public sealed class RotationAndReplayTests(WebhooksService service) : IClassFixture<WebhooksService>
{
    [Fact]
    public async Task During_the_rotation_overlap_both_secrets_sign_in_one_header()
    {
        var brand = Guid.CreateVersion7();
        var (subscription, oldSecret) = await service.SubscribeAsync(brand, "rotated");
        var rotated = await service.ReadAsync(HttpMethod.Post, $"/api/webhooks/{subscription}/rotate-secret", brand);
        var newSecret = rotated.GetProperty("secret").GetString()!;
        await service.PublishAsync(Events.Approved(brand));

        var request = (await service.ReceivedAsync("rotated", 1))[0];

        Assert.NotEqual(oldSecret, newSecret);
        Assert.True(rotated.GetProperty("previousSecretExpiresAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(30));
        Assert.Equal(2, request.Signature.Split(' ').Length);
        Assert.All(request.Signature.Split(' '), s => Assert.StartsWith("v1,", s));
        Assert.Null(await StandardWebhooksVerifier.VerifyAsync(newSecret, request.Headers, request.Body));
        Assert.Null(await StandardWebhooksVerifier.VerifyAsync(oldSecret, request.Headers, request.Body));
    }

    [Fact]
    public async Task A_replay_sends_the_same_webhook_id_again_with_a_new_signature()
    {
        var brand = Guid.CreateVersion7();
        var (subscription, secret) = await service.SubscribeAsync(brand, "replayed");
        await service.PublishAsync(Events.Approved(brand));
        var delivered = await service.DeliveryAsync(brand, subscription, "succeeded");
        var deliveryId = delivered.GetProperty("id").GetGuid();

        var replay = await service.SendAsync(HttpMethod.Post, $"/api/webhooks/{subscription}/deliveries/{deliveryId}/replay", brand);
        var requests = await service.ReceivedAsync("replayed", 2);
        var after = await Eventually(brand, subscription, deliveryId);

        Assert.Equal(HttpStatusCode.Accepted, replay.StatusCode);
        Assert.Equal(requests[0].WebhookId, requests[1].WebhookId);
        Assert.Equal(requests[0].Body, requests[1].Body);
        Assert.Null(await StandardWebhooksVerifier.VerifyAsync(secret, requests[1].Headers, requests[1].Body));
        Assert.Equal([1, 2], after.AttemptLog().Select(a => a.GetProperty("number").GetInt32()));
    }

    [Fact]
    public async Task A_pending_delivery_cannot_be_replayed_and_an_unknown_one_is_not_found()
    {
        var brand = Guid.CreateVersion7();
        var (subscription, _) = await service.SubscribeAsync(brand, "pending");
        service.Receiver.Script("pending", new Reply(200, WaitFor: Task.Delay(TimeSpan.FromSeconds(3))));
        await service.PublishAsync(Events.Approved(brand));
        var pending = await service.DeliveryAsync(brand, subscription, "pending");

        var conflict = await service.SendAsync(HttpMethod.Post, $"/api/webhooks/{subscription}/deliveries/{pending.GetProperty("id").GetGuid()}/replay", brand);
        var missing = await service.SendAsync(HttpMethod.Post, $"/api/webhooks/{subscription}/deliveries/{Guid.CreateVersion7()}/replay", brand);

        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    private Task<System.Text.Json.JsonElement> Eventually(Guid brand, Guid subscription, Guid deliveryId) =>
        AmbassadorNet.TestKit.Waiting.Eventually.UntilAsync(
            async _ => (await service.DeliveriesAsync(brand, subscription)).Single(d => d.GetProperty("id").GetGuid() == deliveryId),
            d => d.GetProperty("status").GetString() == "succeeded" && d.AttemptLog().Count == 2,
            "the replay to be recorded");
}

using System.Net;
using AmbassadorNet.Contracts.Creators;

namespace Webhooks.Tests;

/// <summary>
/// Erasing a creator scrubs their personal data from the webhook deliveries still kept about them, as
/// from the event log: a replay afterwards sends the scrubbed body, the stored payload no longer holds
/// it, and an event about them that arrives after the erasure is delivered scrubbed from the first try.
/// </summary>
public sealed class ErasedDeliveryTests(WebhooksService service) : IClassFixture<WebhooksService>
{
    [Fact]
    public async Task A_delivery_kept_from_before_the_erasure_is_replayed_and_stored_without_the_creators_name()
    {
        var brand = Guid.CreateVersion7();
        // Approvals only: the erasure's own event is not delivered here, so the second request is the replay.
        var (subscription, _) = await service.SubscribeAsync(brand, "erased-replay", "creator.approved");
        var approved = Events.Approved(brand);
        await service.PublishAsync(approved);
        var delivered = await service.DeliveryAsync(brand, subscription, "succeeded");
        var deliveryId = delivered.GetProperty("id").GetGuid();

        await service.PublishAsync(new CreatorErased(brand, DateTimeOffset.UtcNow, approved.CreatorId, approved.Version + 1));
        await AmbassadorNet.TestKit.Waiting.Eventually.UntilAsync(
            _ => service.ScalarAsync<string>("SELECT payload FROM webhook_deliveries WHERE id = $1", deliveryId),
            payload => payload is not null && !payload.Contains("Ada Creator", StringComparison.Ordinal), "the erasure to scrub the stored payload");
        var replay = await service.SendAsync(HttpMethod.Post, $"/api/webhooks/{subscription}/deliveries/{deliveryId}/replay", brand);
        var requests = await service.ReceivedAsync("erased-replay", 2);
        var replayed = requests[1];

        Assert.Equal(HttpStatusCode.Accepted, replay.StatusCode);
        Assert.Contains("Ada Creator", requests[0].Body);
        Assert.DoesNotContain("Ada Creator", replayed.Body);
        Assert.DoesNotContain("\"handle\"", replayed.Body);
        Assert.Contains(approved.CreatorId.ToString(), replayed.Body);
        Assert.Equal(requests[0].WebhookId, replayed.WebhookId);
    }

    [Fact]
    public async Task A_repeated_erasure_changes_nothing_more()
    {
        var brand = Guid.CreateVersion7();
        await service.SubscribeAsync(brand, "erased-twice", "creator.approved");
        var approved = Events.Approved(brand);
        await service.PublishAsync(approved);
        await service.ReceivedAsync("erased-twice", 1);
        var erasure = new CreatorErased(brand, DateTimeOffset.UtcNow, approved.CreatorId, approved.Version + 1);

        await service.PublishAsync(erasure);
        var once = await AmbassadorNet.TestKit.Waiting.Eventually.UntilAsync(
            _ => service.ScalarAsync<string>("SELECT payload FROM webhook_deliveries WHERE brand_id = $1", brand),
            payload => payload is not null && !payload.Contains("Ada Creator", StringComparison.Ordinal), "the erasure to scrub the stored payload");
        var again = await service.PublishAsync(erasure); // the same erasure again, as a new message: the inbox does not know it
        await AmbassadorNet.TestKit.Waiting.Eventually.UntilAsync(
            _ => service.CountAsync("SELECT count(*) FROM inbox_messages WHERE message_id = $1", again), count => count >= 1, "the second erasure to be applied");
        var twice = await service.ScalarAsync<string>("SELECT payload FROM webhook_deliveries WHERE brand_id = $1", brand);

        Assert.Equal(once, twice);
        Assert.Equal(1, await service.CountAsync("SELECT count(*) FROM partner_event_erasures WHERE brand_id = $1 AND creator_id = $2", brand, approved.CreatorId));
    }

    [Fact]
    public async Task An_event_about_an_erased_creator_arriving_late_is_delivered_without_their_personal_data()
    {
        var brand = Guid.CreateVersion7();
        await service.SubscribeAsync(brand, "erased-late", "creator.approved");
        var late = Events.Approved(brand); // queues do not keep order: the approval arrives after the erasure

        await service.PublishAsync(new CreatorErased(brand, DateTimeOffset.UtcNow, late.CreatorId, late.Version + 1));
        await AmbassadorNet.TestKit.Waiting.Eventually.UntilAsync(
            _ => service.CountAsync("SELECT count(*) FROM partner_event_erasures WHERE brand_id = $1 AND creator_id = $2", brand, late.CreatorId),
            count => count == 1, "the erasure to be recorded");
        await service.PublishAsync(late);
        var received = (await service.ReceivedAsync("erased-late", 1)).Single();
        var stored = await service.ScalarAsync<string>("SELECT payload FROM webhook_deliveries WHERE brand_id = $1", brand);

        Assert.Contains("\"creator.approved\"", received.Body);
        Assert.DoesNotContain("Ada Creator", received.Body);
        Assert.Contains(late.CreatorId.ToString(), received.Body);
        Assert.DoesNotContain("Ada Creator", stored);
    }
}

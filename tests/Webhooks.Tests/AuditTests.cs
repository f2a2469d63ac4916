using System.Text.Json;
using AmbassadorNet.Contracts.Audit;
using AmbassadorNet.Security;

namespace Webhooks.Tests;

/// <summary>What the webhooks service gives the audit trail, and what it keeps from partners.</summary>
public sealed class AuditTests(WebhooksService service) : IClassFixture<WebhooksService>
{
    [Fact]
    public async Task Subscribing_is_audited_with_the_secret_only_as_stars()
    {
        var brand = Guid.CreateVersion7();
        var (id, secret) = await service.SubscribeAsync(brand, "audited", "creator.approved");
        var stored = await service.ScalarAsync<string>("SELECT secret FROM webhook_subscriptions WHERE id = $1", id);

        var recorded = Assert.Single(await service.AuditRecordsAsync(brand));
        var body = JsonSerializer.Serialize(recorded);
        var change = Assert.Single(recorded.Changes);

        Assert.Equal(("webhooks", "CreateWebhookSubscription", "POST", "/api/webhooks/"), (recorded.Service, recorded.Action.Name, recorded.Action.Method, recorded.Action.Route));
        Assert.Equal(CallerKinds.Member, recorded.Caller.Kind);
        Assert.Equal(("webhook_subscriptions", id.ToString(), "created"), (change.SubjectType, change.SubjectId, change.Operation));
        Assert.Equal("***", change.Fields["secret"].After!.Value.GetString());
        Assert.Null(change.Fields["secret"].Before);
        Assert.Equal(service.Receiver.UrlFor("audited"), change.Fields["url"].After!.Value.GetString());
        Assert.DoesNotContain(secret, body, StringComparison.Ordinal);
        Assert.DoesNotContain(stored!, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_records_reach_neither_subscribers_nor_the_partner_stream()
    {
        var brand = Guid.CreateVersion7();
        await service.SubscribeAsync(brand, "everything", "*");
        var recorded = new AuditRecorded(brand, DateTimeOffset.UtcNow, "creators", "req-1", new AuditCaller(CallerKinds.Member, Guid.CreateVersion7(), Guid.CreateVersion7(), null),
            new AuditAction("UpdateCreator", "PUT", "/api/creators/{id:guid}"),
            [new AuditChange("creators", Guid.CreateVersion7().ToString(), "updated", new Dictionary<string, AuditFieldChange>(),
                new AuditPersonalData(Guid.CreateVersion7(), null, new Dictionary<string, AuditFieldChange> { ["email"] = new(null, JsonSerializer.SerializeToElement("ada@example.com")) }))]);

        await service.PublishAsync(recorded);
        await service.PublishAsync(Events.Approved(brand)); // published after it: once it is in, the audit record was consumed or dropped

        Assert.Equal(1, await service.SettledCountAsync("everything"));
        Assert.Equal("creator.approved", JsonDocument.Parse(Assert.Single(service.Receiver.ReceivedAt("everything")).Body).RootElement.GetProperty("type").GetString());
        Assert.Equal(1, await service.CountAsync("SELECT count(*) FROM partner_events WHERE brand_id = $1", brand));
        Assert.Equal(0, await service.CountAsync("SELECT count(*) FROM partner_events WHERE brand_id = $1 AND event_type LIKE 'audit.%'", brand));
    }
}

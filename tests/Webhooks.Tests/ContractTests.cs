using System.Net;
using System.Text.Json;
using AmbassadorNet.Contracts;
using AmbassadorNet.Gateway.Routing;
using AmbassadorNet.Security;
using AmbassadorNet.TestKit.Services;
using AmbassadorNet.Webhooks.Domain;
using AmbassadorNet.Webhooks.Persistence;

namespace Webhooks.Tests;

public sealed class ContractTests(WebhooksService service) : ServiceContractTests<WebhooksService, WebhooksDbContext>(service, GatewayServices.Webhooks, minimumOperations: 8), IClassFixture<WebhooksService>
{
    /// <summary>The document also holds /ops/messaging, which every service has; the count is of the webhooks API itself.</summary>
    protected override bool IsCovered(string path) => path.StartsWith("/api/webhooks", StringComparison.Ordinal);

    [Theory]
    [InlineData("CreatorApproved", "creator.approved")]
    [InlineData("CreatorPayoutProfileUpdated", "creator.payout_profile_updated")]
    [InlineData("CampaignLaunched", "campaign.launched")]
    [InlineData("PostMetricsRecorded", "post.metrics_recorded")]
    [InlineData("CreatorPayoutProfileChangeProposed", "creator.payout_profile_change_proposed")]
    public void Event_type_names_are_the_resource_then_the_change(string typeName, string expected) =>
        Assert.Equal(expected, EventTypeNames.Of(typeName));

    [Fact]
    public async Task Every_public_event_of_the_contracts_can_be_subscribed_to_but_not_our_own()
    {
        var names = (await Service.ReadAsync(HttpMethod.Get, "/api/webhooks/event-types", Guid.CreateVersion7())).EnumerateArray().Select(n => n.GetString()!).ToList();
        var contracts = typeof(IIntegrationEvent).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IIntegrationEvent).IsAssignableFrom(t) && !t.Namespace!.EndsWith(".Webhooks", StringComparison.Ordinal))
            .Where(t => t != typeof(AmbassadorNet.Contracts.Audit.AuditRecorded) && !t.IsDefined(typeof(RetiredEventAttribute), inherit: false));

        Assert.Equal(contracts.Select(EventTypeNames.Of).Order(StringComparer.Ordinal), names);
        Assert.Contains("creator.erased", names);
        Assert.Contains("clicks.counted", names);
        Assert.DoesNotContain("clicks.recorded", names); // retired: nothing publishes it
        Assert.Superset(new HashSet<string>
        {
            "post.recorded", "post.metrics_recorded", "post.disclosure_overridden", "disclosure.policy_changed", "gift.shipped", "gift.delivered",
            "creator.exclusivity_declared", "creator.exclusivity_withdrawn", "exclusivity.policy_changed",
            "agreement.sent", "agreement.accepted", "agreement.expired",
        }, names.ToHashSet());
        Assert.Superset(new HashSet<string> { "creator.payout_profile_change_proposed", "creator.payout_profile_change_rejected" }, names.ToHashSet());
        Assert.Superset(new HashSet<string> { "post.usage_rights_set", "usage.rights_expiring", "usage.rights_expired", "usage.rights_policy_changed" }, names.ToHashSet());
        Assert.DoesNotContain(names, n => n.StartsWith("webhook.", StringComparison.Ordinal));
        Assert.DoesNotContain("audit.recorded", names); // internal: it holds personal data
        Assert.Contains("audit.chain_anchored", names); // public: subscribers keep the anchors
        Assert.Equal(PublicEvents.Types.Count, names.Count);
    }

    [Fact]
    public async Task The_secret_is_shown_once_and_unknown_event_types_or_other_roles_are_refused()
    {
        var brand = Guid.CreateVersion7();
        var (id, secret) = await Service.SubscribeAsync(brand, "secret", "creator.approved");
        var read = await Service.ReadAsync(HttpMethod.Get, $"/api/webhooks/{id}", brand);
        var listed = await Service.ReadAsync(HttpMethod.Get, "/api/webhooks", brand);
        var unknown = await Service.SendAsync(HttpMethod.Post, "/api/webhooks", brand, new { url = Service.Receiver.UrlFor("x"), eventTypes = new[] { "creator.teleported" } });
        var retired = await Service.SendAsync(HttpMethod.Post, "/api/webhooks", brand, new { url = Service.Receiver.UrlFor("x"), eventTypes = new[] { "clicks.recorded" } });
        var manager = await Service.SendAsync(HttpMethod.Get, "/api/webhooks", brand, null, Roles.Manager);
        var otherBrand = await Service.SendAsync(HttpMethod.Get, $"/api/webhooks/{id}", Guid.CreateVersion7());

        Assert.StartsWith(WebhookSecret.Prefix, secret);
        Assert.Equal(32, WebhookSecret.KeyOf(secret).Length);
        Assert.Equal(JsonValueKind.Null, read.GetProperty("secret").ValueKind);
        Assert.Equal(JsonValueKind.Null, Assert.Single(listed.EnumerateArray()).GetProperty("secret").ValueKind);
        Assert.Equal(["creator.approved"], read.GetProperty("eventTypes").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, retired.StatusCode);
        Assert.Contains("subscribe to 'clicks.counted' instead", await retired.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Single((await Service.ReadAsync(HttpMethod.Get, "/api/webhooks", brand)).EnumerateArray()); // neither refused subscription was made
        Assert.Equal(HttpStatusCode.Forbidden, manager.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherBrand.StatusCode);
    }
}

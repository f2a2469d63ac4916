using System.Net;
using System.Text.Json;
using AmbassadorNet.Contracts;
using AmbassadorNet.Persistence.Schema;
using AmbassadorNet.Persistence.Tenancy;
using AmbassadorNet.Security;
using AmbassadorNet.Webhooks.Domain;
using AmbassadorNet.Webhooks.Events;
using AmbassadorNet.Webhooks.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Webhooks.Tests;

public sealed class ContractTests(WebhooksService service) : IClassFixture<WebhooksService>
{
    [Fact]
    public async Task The_migrated_schema_matches_the_model()
    {
        var options = new DbContextOptionsBuilder<WebhooksDbContext>().UseNpgsql(service.Database.ConnectionString).Options;
        await using var context = new WebhooksDbContext(options, new BrandScope());

        Assert.Empty(await SchemaComparer.FindDriftAsync(context, TestContext.Current.CancellationToken));
    }

    [Fact]
    public void The_gateway_routes_every_endpoint_with_the_same_row_of_the_role_table()
    {
        var report = AmbassadorNet.Gateway.Routing.Testing.RouteAgreement.Check(AmbassadorNet.Gateway.Routing.GatewayServices.Webhooks, service.Services);

        Assert.True(report.Disagreements.Count == 0, report.ToString());
        Assert.True(report.RoutesWithoutEndpoint.Count == 0, report.ToString());
    }

    [Fact]
    public async Task Every_operation_of_the_openapi_document_has_a_summary()
    {
        var document = JsonDocument.Parse(await service.Http.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken)).RootElement;
        var operations = document.GetProperty("paths").EnumerateObject()
            .Where(path => path.Name.StartsWith("/api/webhooks", StringComparison.Ordinal))
            .SelectMany(path => path.Value.EnumerateObject().Select(op => (Name: $"{op.Name.ToUpperInvariant()} {path.Name}", Operation: op.Value)))
            .ToList();

        Assert.Equal(8, operations.Count);
        Assert.All(operations, op => Assert.True(op.Operation.TryGetProperty("summary", out var summary) && summary.GetString()!.Length > 10, $"{op.Name} has no summary"));
    }

    [Theory]
    [InlineData("CreatorApproved", "creator.approved")]
    [InlineData("CreatorPayoutProfileUpdated", "creator.payout_profile_updated")]
    [InlineData("CampaignLaunched", "campaign.launched")]
    public void Event_type_names_are_the_resource_then_the_change(string typeName, string expected) =>
        Assert.Equal(expected, EventTypeNames.Of(typeName));

    [Fact]
    public async Task Every_public_event_of_the_contracts_can_be_subscribed_to_but_not_our_own()
    {
        var names = (await service.ReadAsync(HttpMethod.Get, "/api/webhooks/event-types", Guid.CreateVersion7())).EnumerateArray().Select(n => n.GetString()!).ToList();
        var contracts = typeof(IIntegrationEvent).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IIntegrationEvent).IsAssignableFrom(t) && !t.Namespace!.EndsWith(".Webhooks", StringComparison.Ordinal));

        Assert.Equal(contracts.Select(EventTypeNames.Of).Order(StringComparer.Ordinal), names);
        Assert.Contains("creator.erased", names);
        Assert.DoesNotContain(names, n => n.StartsWith("webhook.", StringComparison.Ordinal));
        Assert.Equal(PublicEvents.Types.Count, names.Count);
    }

    [Fact]
    public async Task The_secret_is_shown_once_and_unknown_event_types_or_other_roles_are_refused()
    {
        var brand = Guid.CreateVersion7();
        var (id, secret) = await service.SubscribeAsync(brand, "secret", "creator.approved");
        var read = await service.ReadAsync(HttpMethod.Get, $"/api/webhooks/{id}", brand);
        var listed = await service.ReadAsync(HttpMethod.Get, "/api/webhooks", brand);
        var unknown = await service.SendAsync(HttpMethod.Post, "/api/webhooks", brand, new { url = service.Receiver.UrlFor("x"), eventTypes = new[] { "creator.teleported" } });
        var manager = await service.SendAsync(HttpMethod.Get, "/api/webhooks", brand, null, Roles.Manager);
        var otherBrand = await service.SendAsync(HttpMethod.Get, $"/api/webhooks/{id}", Guid.CreateVersion7());

        Assert.StartsWith(WebhookSecret.Prefix, secret);
        Assert.Equal(32, WebhookSecret.KeyOf(secret).Length);
        Assert.Equal(JsonValueKind.Null, read.GetProperty("secret").ValueKind);
        Assert.Equal(JsonValueKind.Null, Assert.Single(listed.EnumerateArray()).GetProperty("secret").ValueKind);
        Assert.Equal(["creator.approved"], read.GetProperty("eventTypes").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, manager.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherBrand.StatusCode);
    }
}

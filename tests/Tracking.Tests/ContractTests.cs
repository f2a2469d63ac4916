using System.Text.Json;
using AmbassadorNet.Gateway.Routing;
using AmbassadorNet.Gateway.Routing.Testing;
using AmbassadorNet.Persistence.Schema;
using AmbassadorNet.Persistence.Tenancy;
using AmbassadorNet.Tracking.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Tracking.Tests;

public sealed class ContractTests(TrackingService service) : IClassFixture<TrackingService>
{
    [Fact]
    public void The_gateway_routes_every_endpoint_with_the_same_row_of_the_role_table()
    {
        var report = RouteAgreement.Check(GatewayServices.Tracking, service.Services);

        Assert.True(report.Disagreements.Count == 0, report.ToString());
        Assert.True(report.RoutesWithoutEndpoint.Count == 0, report.ToString());
        Assert.Contains(report.Compared, row => row.Contains("/api/conversions/{orderId}/refunds", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_migrated_schema_matches_the_model()
    {
        var options = new DbContextOptionsBuilder<TrackingDbContext>().UseNpgsql(service.Database.ConnectionString).Options;
        await using var context = new TrackingDbContext(options, new BrandScope());

        var drift = await SchemaComparer.FindDriftAsync(context, TestContext.Current.CancellationToken);

        Assert.True(drift.Count == 0, string.Join("\n", drift));
    }

    [Fact]
    public async Task Every_operation_of_the_openapi_document_has_a_summary()
    {
        var document = JsonDocument.Parse(await service.Http.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken)).RootElement;
        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => (Name: $"{op.Name.ToUpperInvariant()} {path.Name}", Operation: op.Value)))
            .ToList();

        Assert.True(operations.Count >= 9, $"only {operations.Count} operations documented");
        Assert.All(operations, op => Assert.True(op.Operation.TryGetProperty("summary", out var summary) && summary.GetString()!.Length > 10, $"{op.Name} has no summary"));
    }
}

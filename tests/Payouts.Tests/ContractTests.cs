using System.Text.Json;
using AmbassadorNet.Gateway.Routing;
using AmbassadorNet.Gateway.Routing.Testing;
using AmbassadorNet.Payouts.Persistence;
using AmbassadorNet.Persistence.Schema;
using AmbassadorNet.Persistence.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Payouts.Tests;

public sealed class ContractTests(PayoutsService service) : IClassFixture<PayoutsService>
{
    [Fact]
    public void The_gateway_routes_every_endpoint_with_the_same_row_of_the_role_table()
    {
        var report = RouteAgreement.Check(GatewayServices.Payouts, service.Services);

        Assert.True(report.Disagreements.Count == 0, report.ToString());
        Assert.True(report.RoutesWithoutEndpoint.Count == 0, report.ToString());
    }

    [Fact]
    public async Task The_migrated_schema_matches_the_model()
    {
        var options = new DbContextOptionsBuilder<PayoutsDbContext>().UseNpgsql(service.Database.ConnectionString).Options;
        await using var context = new PayoutsDbContext(options, new BrandScope());

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

        Assert.True(operations.Count >= 19, $"only {operations.Count} operations documented");
        Assert.All(operations, op => Assert.True(op.Operation.TryGetProperty("summary", out var summary) && summary.GetString()!.Length > 10, $"{op.Name} has no summary"));
    }
}

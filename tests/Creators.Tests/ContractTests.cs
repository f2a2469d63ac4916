using System.Text.Json;
using AmbassadorNet.Creators.Persistence;
using AmbassadorNet.Gateway.Routing;
using AmbassadorNet.Gateway.Routing.Testing;
using AmbassadorNet.Persistence.Schema;
using AmbassadorNet.Persistence.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Creators.Tests;

public sealed class ContractTests(CreatorsService service) : IClassFixture<CreatorsService>
{
    [Fact]
    public async Task The_migrated_schema_matches_the_model()
    {
        var options = new DbContextOptionsBuilder<CreatorsDbContext>().UseNpgsql(service.Database.ConnectionString).Options;
        await using var context = new CreatorsDbContext(options, new BrandScope());

        Assert.Empty(await SchemaComparer.FindDriftAsync(context, TestContext.Current.CancellationToken));
    }

    [Fact]
    public void The_gateway_routes_every_endpoint_with_the_same_row_of_the_role_table()
    {
        var report = RouteAgreement.Check(GatewayServices.Creators, service.Services);

        Assert.True(report.Disagreements.Count == 0, report.ToString());
        Assert.True(report.RoutesWithoutEndpoint.Count == 0, report.ToString());
    }

    [Fact]
    public async Task Every_operation_of_the_openapi_document_has_a_summary()
    {
        var document = JsonDocument.Parse(await service.Http.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken)).RootElement;
        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => (Name: $"{op.Name.ToUpperInvariant()} {path.Name}", Operation: op.Value)))
            .ToList();

        Assert.True(operations.Count >= 14, $"only {operations.Count} operations documented");
        Assert.All(operations, op => Assert.True(op.Operation.TryGetProperty("summary", out var summary) && summary.GetString()!.Length > 10, $"{op.Name} has no summary"));
    }
}

using System.Text.Json;
using AmbassadorNet.Gateway.Routing.Testing;
using AmbassadorNet.Persistence.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace AmbassadorNet.TestKit.Services;

/// <summary>
/// The contract every service keeps, checked the same way for each: its migrated schema is its EF
/// model, the gateway routes each of its endpoints with the same row of the role table, and its
/// OpenAPI document describes every operation. A service's test class names the service and adds
/// checks of its own.
/// </summary>
/// <param name="gatewayName">The service's name in the gateway's table (<c>GatewayServices</c>).</param>
/// <param name="minimumOperations">How many operations its document has at least, so a document that lost some fails.</param>
public abstract class ServiceContractTests<TService, TDbContext>(TService service, string gatewayName, int minimumOperations)
    where TService : IServiceUnderTest
    where TDbContext : DbContext
{
    protected string GatewayName => gatewayName;

    /// <summary>The paths of the document the contract covers: all of them unless a service says otherwise.</summary>
    protected virtual bool IsCovered(string path) => true;

    protected TService Service => service;

    [Fact]
    public async Task The_migrated_schema_matches_the_model()
    {
        await using var scope = service.Services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<TDbContext>(); // the model the service runs with, on its test database

        var drift = await SchemaComparer.FindDriftAsync(context, TestContext.Current.CancellationToken);

        Assert.True(drift.Count == 0, string.Join("\n", drift));
    }

    /// <summary>
    /// The service's rows of the gateway's table are generated from these endpoints (RouteTable.Tests
    /// keeps them current); this still guards what generation does not write: every endpoint declares
    /// its methods and a row of the role table or AllowAnonymous, and the operations endpoints ask for
    /// the row the gateway's <c>/ops/{service}/...</c> route enforces.
    /// </summary>
    [Fact]
    public void The_gateway_routes_every_endpoint_with_the_same_row_of_the_role_table()
    {
        var report = RouteAgreement.Check(GatewayName, service.Services);

        Assert.True(report.Disagreements.Count == 0, report.ToString());
    }

    [Fact]
    public async Task Every_operation_of_the_openapi_document_has_a_summary()
    {
        var operations = await OperationsAsync();

        Assert.True(operations.Count >= minimumOperations, $"only {operations.Count} operations documented");
        Assert.All(operations, op => Assert.True(op.Operation.TryGetProperty("summary", out var summary) && summary.GetString()!.Length > 10, $"{op.Name} has no summary"));
    }

    /// <summary>The operations of the service's OpenAPI document, each named "GET /api/...".</summary>
    protected async Task<List<(string Name, JsonElement Operation)>> OperationsAsync()
    {
        var document = JsonDocument.Parse(await service.Http.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken)).RootElement;
        return document.GetProperty("paths").EnumerateObject()
            .Where(path => IsCovered(path.Name))
            .SelectMany(path => path.Value.EnumerateObject().Select(op => (Name: $"{op.Name.ToUpperInvariant()} {path.Name}", Operation: op.Value.Clone())))
            .ToList();
    }
}

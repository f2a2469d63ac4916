using System.Text.Json.Nodes;
using AmbassadorNet.OpenApi;

namespace Contract.Tests;

public sealed class ContractMergerTests
{
    [Fact]
    public void Schemas_that_differ_under_one_name_are_prefixed_with_their_service_and_references_follow()
    {
        var merged = ContractMerger.Merge(
        [
            ("creators", Document("/api/creators", "ListCreators", "View", """{"type":"object","properties":{"handle":{"type":"string"}}}""")),
            ("payouts", Document("/api/payouts", "ListPayouts", "View", """{"type":"object","properties":{"amount":{"type":"number"}}}""")),
        ]);

        var schemas = merged["components"]!["schemas"]!.AsObject();
        Assert.Equal(["CreatorsView", "PayoutsView", "Shared"], schemas.Select(s => s.Key).Order(StringComparer.Ordinal));
        Assert.Equal("#/components/schemas/CreatorsView", ResponseSchemaRef(merged, "/api/creators"));
        Assert.Equal("#/components/schemas/PayoutsView", ResponseSchemaRef(merged, "/api/payouts"));
    }

    [Fact]
    public void Identical_components_are_kept_once_under_their_own_name()
    {
        var view = """{"type":"object"}""";
        var merged = ContractMerger.Merge([("creators", Document("/api/creators", "ListCreators", "View", view)), ("payouts", Document("/api/payouts", "ListPayouts", "View", view))]);

        Assert.Equal(["Shared", "View"], merged["components"]!["schemas"]!.AsObject().Select(s => s.Key).Order(StringComparer.Ordinal));
        Assert.Equal("#/components/schemas/View", ResponseSchemaRef(merged, "/api/payouts"));
    }

    [Fact]
    public void Operation_ids_used_by_two_services_are_prefixed_and_ops_paths_take_their_gateway_address()
    {
        var view = """{"type":"object"}""";
        var merged = ContractMerger.Merge([("creators", Document("/ops/messaging/parked", "ListParkedMessages", "View", view)), ("payouts", Document("/ops/messaging/parked", "ListParkedMessages", "View", view))]);

        var paths = merged["paths"]!.AsObject();
        Assert.Equal(["/ops/creators/messaging/parked", "/ops/payouts/messaging/parked"], paths.Select(p => p.Key));
        Assert.Equal("CreatorsListParkedMessages", paths["/ops/creators/messaging/parked"]!["get"]!["operationId"]!.GetValue<string>());
        Assert.Equal("PayoutsListParkedMessages", paths["/ops/payouts/messaging/parked"]!["get"]!["operationId"]!.GetValue<string>());
    }

    [Fact]
    public void A_path_documented_by_two_applications_is_refused()
    {
        var view = """{"type":"object"}""";

        var error = Assert.Throws<InvalidOperationException>(() => ContractMerger.Merge(
            [("creators", Document("/api/creators", "ListCreators", "View", view)), ("payouts", Document("/api/creators", "ListOthers", "View", view))]));

        Assert.Contains("/api/creators", error.Message, StringComparison.Ordinal);
    }

    private static string ResponseSchemaRef(JsonObject merged, string path) =>
        merged["paths"]![path]!["get"]!["responses"]!["200"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>();

    /// <summary>One GET operation answering <paramref name="schema"/>, plus a schema every service has alike.</summary>
    private static JsonObject Document(string path, string operationId, string schema, string schemaJson) => JsonNode.Parse($$"""
        {
          "openapi": "3.1.1",
          "servers": [{ "url": "/" }],
          "paths": {
            "{{path}}": { "get": { "operationId": "{{operationId}}", "tags": ["T"], "responses": { "200": { "description": "OK",
              "content": { "application/json": { "schema": { "$ref": "#/components/schemas/{{schema}}" } } } } } } }
          },
          "components": { "schemas": { "{{schema}}": {{schemaJson}}, "Shared": { "type": "string" } } },
          "tags": [{ "name": "T", "description": "A tag." }]
        }
        """)!.AsObject();
}

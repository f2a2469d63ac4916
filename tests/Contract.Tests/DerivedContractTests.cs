using System.Text.Json.Nodes;
using AmbassadorNet.OpenApi;

namespace Contract.Tests;

/// <summary>What the transformers derive from endpoint metadata, seen in the tracking service's document.</summary>
public sealed class DerivedContractTests
{
    [Fact]
    public async Task A_command_on_one_resource_needs_the_key_names_its_row_and_documents_its_problems()
    {
        var operation = (await TrackingAsync())["paths"]!["/api/links/{id}/deactivate"]!["post"]!;

        Assert.Equal("""[{"ApiKey":[]}]""", operation["security"]!.ToJsonString());
        Assert.Contains("`CatalogWrite` (roles: admin, manager)", operation["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(["200", "400", "401", "403", "404", "409", "429"], Statuses(operation));
        Assert.Equal("#/components/responses/Conflict", operation["responses"]!["409"]!["$ref"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_list_is_neither_404_nor_409_and_a_public_route_needs_no_key()
    {
        var document = await TrackingAsync();
        var list = document["paths"]!["/api/links"]!["get"]!;
        var redirect = document["paths"]!["/r/{code}"]!;

        Assert.Equal(["200", "400", "401", "403", "429"], Statuses(list));
        Assert.Equal("[{}]", redirect["get"]!["security"]!.ToJsonString());
        Assert.Equal(["200", "400", "404", "429"], Statuses(redirect["get"]!));
        Assert.Equal("FollowTrackingLink", redirect["get"]!["operationId"]!.GetValue<string>());
        Assert.Equal("PreviewTrackingLink", redirect["head"]!["operationId"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_business_rule_refusal_is_the_shared_422_problem_where_the_endpoint_declares_it()
    {
        var document = await TrackingAsync();

        Assert.Equal("#/components/responses/UnprocessableContent", document["paths"]!["/api/conversions"]!["post"]!["responses"]!["422"]!["$ref"]!.GetValue<string>());
        Assert.Equal("application/problem+json", document["components"]!["responses"]!["UnprocessableContent"]!["content"]!.AsObject().Single().Key);
        Assert.Equal("bearer", document["components"]!["securitySchemes"]!["ApiKey"]!["scheme"]!.GetValue<string>());
    }

    private static async Task<JsonObject> TrackingAsync() =>
        JsonNode.Parse((await ContractDocuments.GenerateAsync(TestContext.Current.CancellationToken))["tracking.json"])!.AsObject();

    private static List<string> Statuses(JsonNode operation) => [.. operation["responses"]!.AsObject().Select(response => response.Key)];
}

using AmbassadorNet.OpenApi;

namespace Contract.Tests;

/// <summary>A change to an endpoint changes the contract; the diff of docs/openapi/ shows reviewers how.</summary>
public sealed class CheckedInDocumentTests
{
    private const string Regenerate = "dotnet run --project tools/AmbassadorNet.OpenApi";

    [Fact]
    public async Task Every_checked_in_document_is_what_the_code_generates()
    {
        var generated = await ContractDocuments.GenerateAsync(TestContext.Current.CancellationToken);

        var checkedIn = Directory.EnumerateFiles(Repository.OpenApiFolder, "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(generated.Keys.Order(StringComparer.Ordinal), checkedIn);
        foreach (var (name, content) in generated)
        {
            var file = await File.ReadAllTextAsync(Path.Combine(Repository.OpenApiFolder, name), TestContext.Current.CancellationToken);
            Assert.True(file == content, $"docs/openapi/{name} is stale: run `{Regenerate}` and commit the result.");
        }
    }

    [Fact]
    public async Task There_is_a_document_for_every_service_the_gateway_and_the_whole_api()
    {
        var generated = await ContractDocuments.GenerateAsync(TestContext.Current.CancellationToken);

        Assert.Equal(
            ["ambassadornet.json", "analytics.json", "audit.json", "campaigns.json", "creators.json", "gateway.json", "payouts.json", "tracking.json", "webhooks.json"],
            generated.Keys.Order(StringComparer.Ordinal));
    }
}

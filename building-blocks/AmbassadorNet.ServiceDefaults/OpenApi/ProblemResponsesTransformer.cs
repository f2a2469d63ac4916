using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace AmbassadorNet.ServiceDefaults.OpenApi;

/// <summary>
/// The problem-details responses an operation can answer, derived from its endpoint: 400 for input,
/// 401/403 when it needs a key, 404 when it addresses one resource, 409 for commands, 429 always
/// (the gateway rate-limits every route it documents). 422 is a business rule's answer, so an
/// endpoint that has one declares it with <c>ProducesProblem(422)</c>.
/// </summary>
internal sealed class ProblemResponsesTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        operation.Responses ??= [];
        var isPublic = OperationFacts.IsPublic(context);
        Add(operation, context, 400, OperationFacts.TakesInput(context));
        Add(operation, context, 401, !isPublic);
        Add(operation, context, 403, !isPublic);
        Add(operation, context, 404, OperationFacts.AddressesOneResource(context));
        Add(operation, context, 409, OperationFacts.ChangesState(context));
        Add(operation, context, 422, false); // only where the endpoint declares it
        Add(operation, context, 429, true);

        // Status order, so a regenerated document diffs only where the contract changed.
        var ordered = operation.Responses.OrderBy(response => response.Key, StringComparer.Ordinal).ToList();
        operation.Responses.Clear();
        foreach (var (status, response) in ordered)
        {
            operation.Responses[status] = response;
        }

        return Task.CompletedTask;
    }

    private static void Add(OpenApiOperation operation, OpenApiOperationTransformerContext context, int status, bool applies)
    {
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        // A problem the endpoint declares itself (ProducesProblem) is the same shared response.
        var declared = operation.Responses!.TryGetValue(key, out var response)
            && response is OpenApiResponse { Content: { } content } && content.ContainsKey(ContractVocabulary.ProblemMediaType);
        if (applies || declared)
        {
            operation.Responses[key] = new OpenApiResponseReference(ContractVocabulary.ResponseId(status), context.Document);
        }
    }
}

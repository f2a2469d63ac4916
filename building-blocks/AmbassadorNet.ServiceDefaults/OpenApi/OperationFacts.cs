using AmbassadorNet.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;

namespace AmbassadorNet.ServiceDefaults.OpenApi;

/// <summary>What an operation's endpoint metadata says about the problems it can answer.</summary>
internal static class OperationFacts
{
    public static bool IsPublic(OpenApiOperationTransformerContext context)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        return metadata.OfType<IAllowAnonymous>().Any() && !metadata.OfType<AccessPolicy>().Any();
    }

    public static bool TakesInput(OpenApiOperationTransformerContext context) => context.Description.ParameterDescriptions.Count > 0;

    public static bool AddressesOneResource(OpenApiOperationTransformerContext context) =>
        context.Description.RelativePath?.Contains('{', StringComparison.Ordinal) == true;

    /// <summary>Commands can meet an illegal state change or a reused Idempotency-Key; reads cannot.</summary>
    public static bool ChangesState(OpenApiOperationTransformerContext context) =>
        context.Description.HttpMethod is { } method && !HttpMethods.IsGet(method) && !HttpMethods.IsHead(method);
}

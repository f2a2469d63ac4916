using AmbassadorNet.Security;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace AmbassadorNet.ServiceDefaults.OpenApi;

/// <summary>
/// An operation's security as its endpoint enforces it: <c>RequireAccess</c> needs the API key and
/// names its row of the role table; <c>AllowAnonymous</c> needs nothing.
/// </summary>
internal sealed class AccessOperationTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (OperationFacts.IsPublic(context))
        {
            // An empty requirement says "no credentials" explicitly, which tools read differently from "not stated".
            operation.Security = [new OpenApiSecurityRequirement()];
            return Task.CompletedTask;
        }

        operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ContractVocabulary.ApiKeyScheme, context.Document)] = [] }];
        var policy = context.Description.ActionDescriptor.EndpointMetadata.OfType<AccessPolicy>().LastOrDefault();
        if (policy is not null)
        {
            var access = $"Access: role-table row `{policy.Name}` (roles: {string.Join(", ", policy.Roles)}).";
            operation.Description = string.IsNullOrEmpty(operation.Description) ? access : $"{operation.Description}\n\n{access}";
        }

        return Task.CompletedTask;
    }
}

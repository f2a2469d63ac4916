using Microsoft.AspNetCore.Builder;

namespace AmbassadorNet.Security;

public static class AccessEndpointConventionBuilderExtensions
{
    /// <summary>
    /// Guards endpoints with a row of the role table and records the row as endpoint metadata, so a
    /// test can list every endpoint's <see cref="AccessPolicy"/> and compare it with the gateway's.
    /// </summary>
    public static TBuilder RequireAccess<TBuilder>(this TBuilder builder, AccessPolicy policy) where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (!Equals(AccessPolicies.Find(policy.Name), policy))
        {
            // Only rows of the table are registered as authorization policies; anything else would fail per request.
            throw new ArgumentException($"{policy} is not a row of {nameof(AccessPolicies)}.", nameof(policy));
        }

        return builder.RequireAuthorization(policy.Name).WithMetadata(policy);
    }
}

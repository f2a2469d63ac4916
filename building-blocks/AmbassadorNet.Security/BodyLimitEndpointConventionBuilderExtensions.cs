using Microsoft.AspNetCore.Builder;

namespace AmbassadorNet.Security;

public static class BodyLimitEndpointConventionBuilderExtensions
{
    /// <summary>
    /// Declares the largest body the endpoint takes (see <see cref="RequestBodyLimits"/>), next to its
    /// <c>RequireAccess</c>; the gateway's generated table carries it to the gateway's body limit.
    /// </summary>
    public static TBuilder WithBodyLimit<TBuilder>(this TBuilder builder, long maxBytes) where TBuilder : IEndpointConventionBuilder
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBytes);
        return builder.WithMetadata(new RequestBodyLimitMetadata(maxBytes));
    }
}

using System.Security.Claims;
using AmbassadorNet.Contracts.Audit;
using AmbassadorNet.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AmbassadorNet.Messaging.Audit;

/// <summary>Who is changing what through the API: the parts of an <see cref="AuditRecorded"/> the request itself decides.</summary>
/// <param name="BrandId">The caller's brand; null for the operator, who acts for no brand of its own (see <see cref="BrandOf(IEnumerable{Guid})"/>).</param>
internal sealed record AuditRequest(Guid? BrandId, string? RequestId, AuditCaller Caller, AuditAction Action)
{
    /// <summary>The gateway sets it on every request it forwards (the client's, when sane, or a new one).</summary>
    public const string RequestIdHeader = "X-Request-Id";

    /// <summary>
    /// The request's audit facts; null when there is nothing to audit: no request (a message handler, a
    /// background job), or a caller that did not come with the gateway's internal token for a brand.
    /// </summary>
    public static AuditRequest? Of(HttpContext? http)
    {
        if (http?.User is not { Identity.IsAuthenticated: true } user || InternalCallerClaims.FromClaims(user) is not { } caller)
        {
            return null;
        }

        var brand = caller.Kind == CallerKinds.Operator ? null : BrandOf(user);
        if (brand is null && caller.Kind != CallerKinds.Operator)
        {
            return null;
        }

        var endpoint = http.GetEndpoint();
        if (endpoint?.Metadata.GetMetadata<NotAuditedMetadata>() is not null)
        {
            return null;
        }

        var route = (endpoint as RouteEndpoint)?.RoutePattern.RawText ?? http.Request.Path.Value ?? "";
        var name = endpoint?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName ?? route;
        var requestId = http.Request.Headers[RequestIdHeader].FirstOrDefault();
        return new AuditRequest(
            brand, string.IsNullOrEmpty(requestId) ? null : requestId,
            new AuditCaller(caller.Kind, caller.KeyId, caller.MemberId, caller.CreatorId),
            new AuditAction(name, http.Request.Method, route.StartsWith('/') ? route : "/" + route));
    }

    /// <summary>
    /// The brand whose trail a save belongs to: the caller's, or for the operator (creating a brand with its
    /// first admin and key) the one brand every changed row belongs to; null when the rows span brands.
    /// </summary>
    public Guid? BrandOf(IEnumerable<Guid> changedRowBrands) =>
        BrandId ?? (changedRowBrands.Distinct().ToList() is [var only] ? only : null);

    private static Guid? BrandOf(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirst(InternalToken.BrandClaim)?.Value, out var brand) && brand != Guid.Empty ? brand : null;
}

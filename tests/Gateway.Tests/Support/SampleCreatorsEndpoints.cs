using System.Security.Claims;
using AmbassadorNet.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Gateway.Tests.Support;

/// <summary>A few creators endpoints declared the way the real service declares them, each answering with the caller the token named.</summary>
public static class SampleCreatorsEndpoints
{
    public sealed record CallerView(Guid Brand, Guid? KeyId, IReadOnlyList<string> Roles);

    public static void Map(IEndpointRouteBuilder app)
    {
        var creators = app.MapGroup("/api/creators");
        creators.MapGet("/", Caller).RequireAccess(AccessPolicies.CatalogRead);
        creators.MapPost("/", Caller).RequireAccess(AccessPolicies.CatalogWrite);
        creators.MapGet("/{id:guid}", (Guid id, ClaimsPrincipal user) => Caller(user)).RequireAccess(AccessPolicies.CatalogRead);
        creators.MapPost("/{id:guid}/approve", (Guid id, ClaimsPrincipal user) => Caller(user)).RequireAccess(AccessPolicies.CatalogWrite);
        creators.MapPut("/{id:guid}/payout-profile", (Guid id, ClaimsPrincipal user) => Caller(user)).RequireAccess(AccessPolicies.PayoutProfileWrite);
        app.MapGet("/ops/messaging/parked", Caller).RequireAccess(AccessPolicies.Operations);
    }

    private static IResult Caller(ClaimsPrincipal user) => Results.Ok(new CallerView(user.GetBrandId(), user.GetApiKeyId(), user.GetRoles()));
}

using AmbassadorNet.Persistence.Tenancy;
using AmbassadorNet.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace AmbassadorNet.ServiceDefaults.Tenancy;

/// <summary>
/// Sets the request's brand scope from the internal token, so the DbContext's brand filter knows
/// the tenant. Operator tokens carry no brand (an empty id) and leave the scope unset: brand-owned
/// data then cannot be touched by accident. A creator credential's token also narrows the scope to its
/// creator, so creator-owned rows of anyone else are invisible to every query of the request.
/// </summary>
internal sealed class BrandScopeMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (Guid.TryParse(context.User.FindFirst(InternalToken.BrandClaim)?.Value, out var brand) && brand != Guid.Empty
            && context.RequestServices.GetService<BrandScope>() is { } scope)
        {
            scope.Set(brand);
            if (context.User.GetCreatorId() is { } creator)
            {
                scope.SetCreator(creator);
            }
        }

        return next(context);
    }
}

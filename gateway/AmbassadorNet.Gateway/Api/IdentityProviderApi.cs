using System.Security.Claims;
using AmbassadorNet.Gateway.Data;
using AmbassadorNet.Gateway.Keys;
using AmbassadorNet.Security;
using AmbassadorNet.ServiceDefaults.Errors;
using AmbassadorNet.ServiceDefaults.Persistence;
using AmbassadorNet.SharedKernel;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace AmbassadorNet.Gateway.Api;

/// <summary>
/// A brand's own OpenID Connect provider, through which its members sign in (issue #32). A change
/// reaches every gateway instance at once, through the revocation feed, like a change to a member.
/// </summary>
public static class IdentityProviderApi
{
    private const string Path = "/api/identity-provider";

    public static IEndpointRouteBuilder MapIdentityProviderApi(this IEndpointRouteBuilder app)
    {
        var provider = app.MapGroup(Path).RequireAccess(AccessPolicies.Members).WithTags(GatewayTags.Members);
        provider.MapGet("/", GetAsync).WithName("GetIdentityProvider").WithSummary("The brand's OpenID Connect provider; 404 while it has none.");
        provider.MapPut("/", PutAsync).WithName("SetIdentityProvider")
            .WithSummary("Sets the brand's OpenID Connect provider: issuer, audience, the roles claim and how its values map onto roles.");
        provider.MapDelete("/", DeleteAsync).WithName("RemoveIdentityProvider")
            .WithSummary("Removes the brand's provider: nobody signs in with it any more; keys are unaffected.");
        return app;
    }

    private static async Task<Ok<IdentityProviderView>> GetAsync(ClaimsPrincipal caller, GatewayDbContext db, CancellationToken cancellationToken)
    {
        db.BrandScope.Set(caller.GetBrandId());
        var provider = await db.IdentityProviders.AsNoTracking().FirstOrDefaultAsync(cancellationToken) ?? throw NoProvider();
        return TypedResults.Ok(IdentityProviderInput.View(provider));
    }

    private static async Task<Ok<IdentityProviderView>> PutAsync(
        IdentityProviderRequest request, ClaimsPrincipal caller, GatewayDbContext db, ApiKeyDirectory directory, IHostEnvironment environment,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        db.BrandScope.Set(caller.GetBrandId());
        var provider = await db.IdentityProviders.FirstOrDefaultAsync(cancellationToken);
        if (provider is null)
        {
            provider = new IdentityProvider { BrandId = caller.GetBrandId() };
            db.IdentityProviders.Add(provider);
        }

        IdentityProviderInput.Apply(request, provider, environment);
        var who = caller.GetCaller();
        (provider.UpdatedAt, provider.UpdatedByKeyId, provider.UpdatedByMemberId) = (Instants.ToMicroseconds(clock.GetUtcNow()), who.KeyId, who.MemberId);
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await db.SaveOrConflictAsync("The provider was changed by another request; read it and try again.", new Dictionary<string, string>
            {
                ["ix_identity_providers_issuer_audience"] = "Another brand already trusts this issuer for this audience; give AmbassadorNet its own audience at your provider.",
            }, cancellationToken);
            await RevocationListener.NotifyEveryKeyAsync(db, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        directory.ForgetAll();
        return TypedResults.Ok(IdentityProviderInput.View(provider));
    }

    private static async Task<NoContent> DeleteAsync(ClaimsPrincipal caller, GatewayDbContext db, ApiKeyDirectory directory, CancellationToken cancellationToken)
    {
        db.BrandScope.Set(caller.GetBrandId());
        var provider = await db.IdentityProviders.FirstOrDefaultAsync(cancellationToken) ?? throw NoProvider();
        db.IdentityProviders.Remove(provider);
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await db.SaveChangesAsync(cancellationToken);
            await RevocationListener.NotifyEveryKeyAsync(db, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        directory.ForgetAll();
        return TypedResults.NoContent();
    }

    private static NotFoundException NoProvider() => new("The brand has no identity provider; members sign in with keys only.");
}

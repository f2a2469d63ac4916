using System.Security.Claims;
using AmbassadorNet.Gateway.Data;
using AmbassadorNet.Gateway.Keys;
using AmbassadorNet.Persistence.Pagination;
using AmbassadorNet.Security;
using AmbassadorNet.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace AmbassadorNet.Gateway.Api;

/// <summary>A brand's admins list, create and revoke its keys. Every query is scoped to the caller's brand.</summary>
public static class ApiKeysApi
{
    public const int MaxNameLength = 100;
    private const int DefaultLimit = 50;

    private static readonly KeysetOrder<ApiKey, DateTimeOffset> ByCreation = new("created", k => k.CreatedAt, k => k.Id, descending: false);

    public static IEndpointRouteBuilder MapApiKeysApi(this IEndpointRouteBuilder app)
    {
        var keys = app.MapGroup("/api/api-keys").RequireAccess(AccessPolicies.ApiKeys).WithTags(GatewayTags.ApiKeys);
        keys.MapGet("/", ListAsync).WithName("ListApiKeys")
            .WithSummary("Lists the brand's API keys, revoked ones included, oldest first, optionally one creator's credentials; never their secrets.");
        keys.MapPost("/", CreateAsync).WithName("CreateApiKey")
            .WithSummary("Issues an API key with the given roles: to a member (memberId; at most the member's roles), to a creator (roles [\"creator\"] and creatorId), or to a machine (neither); the key is shown only in this response.");
        keys.MapDelete("/{id:guid}", RevokeAsync).WithName("RevokeApiKey").WithSummary("Revokes a key; every gateway instance refuses it from then on.");
        return app;
    }

    private static async Task<Ok<ApiKeyPage>> ListAsync(
        ClaimsPrincipal caller, GatewayDbContext db, Guid? creatorId, string? cursor, int? limit, CancellationToken cancellationToken)
    {
        if (limit is < 1 or > KeysetPagination.MaxLimit)
        {
            throw new RequestValidationException("limit", $"A limit of 1 to {KeysetPagination.MaxLimit} is allowed.");
        }

        db.BrandScope.Set(caller.GetBrandId());
        var keys = db.ApiKeys.AsNoTracking();
        keys = creatorId is { } creator ? keys.Where(k => k.CreatorId == creator) : keys;
        var page = await keys.ToPageAsync(ByCreation, cursor, limit ?? DefaultLimit, cancellationToken);
        return TypedResults.Ok(new ApiKeyPage([.. page.Items.Select(NewApiKey.View)], page.NextCursor));
    }

    private static async Task<Created<IssuedApiKey>> CreateAsync(
        CreateApiKeyRequest request, ClaimsPrincipal caller, GatewayDbContext db, CreatorDirectory creators, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (name, roles) = Validate(request);
        var issuer = caller.GetCaller();
        db.BrandScope.Set(caller.GetBrandId());
        var holder = KeyHolder.Machine;
        if (request.CreatorId is { } creatorId)
        {
            await creators.EnsureActiveAsync(caller.GetBrandId(), creatorId, issuer, cancellationToken);
            holder = KeyHolder.Creator(creatorId);
        }
        else if (request.MemberId is { } memberId)
        {
            await EnsureMemberMayHoldAsync(db, memberId, roles, cancellationToken);
            holder = KeyHolder.Member(memberId);
        }

        var (key, issued) = NewApiKey.Create(caller.GetBrandId(), name, roles, holder, issuer, clock);
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created((string?)null, issued);
    }

    /// <summary>A member's key carries at most the member's roles, and a deactivated member gets no new key.</summary>
    private static async Task EnsureMemberMayHoldAsync(GatewayDbContext db, Guid memberId, IReadOnlyList<string> roles, CancellationToken cancellationToken)
    {
        var member = await db.Members.AsNoTracking().FirstOrDefaultAsync(m => m.Id == memberId, cancellationToken)
            ?? throw new RequestValidationException("memberId", $"The brand has no member {memberId}.");
        if (member.DeactivatedAt is not null)
        {
            throw new ConflictException($"Member {memberId} is deactivated; a key for them would be refused.");
        }

        if (roles.Except(member.Roles, StringComparer.Ordinal).ToList() is { Count: > 0 } beyond)
        {
            throw new RequestValidationException("roles", $"A member's key carries at most the member's roles ({string.Join(", ", member.Roles)}); not {string.Join(", ", beyond)}.");
        }
    }

    private static async Task<NoContent> RevokeAsync(
        Guid id, ClaimsPrincipal caller, GatewayDbContext db, ApiKeyDirectory directory, TimeProvider clock, CancellationToken cancellationToken)
    {
        db.BrandScope.Set(caller.GetBrandId());
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id, cancellationToken) ?? throw new NotFoundException($"No API key {id}.");
        if (key.RevokedAt is null)
        {
            key.RevokedAt = clock.GetUtcNow();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            // Delivered to every instance's RevocationListener when (and only if) the revocation commits.
            await db.Database.ExecuteSqlAsync($"SELECT pg_notify({RevocationListener.Channel}, {key.KeyHash})", cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        directory.Forget(key.KeyHash);
        return TypedResults.NoContent();
    }

    private static (string Name, IReadOnlyList<string> Roles) Validate(CreateApiKeyRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        var name = request.Name?.Trim() ?? "";
        if (name.Length is 0 or > MaxNameLength)
        {
            errors["name"] = [$"A name of 1 to {MaxNameLength} characters is required."];
        }

        var roles = request.Roles?.Distinct(StringComparer.Ordinal).ToList() ?? [];
        var grantable = Roles.All.Where(r => r != Roles.Operator).ToList();
        if (roles.Count == 0 || roles.Any(r => !grantable.Contains(r, StringComparer.Ordinal)))
        {
            errors["roles"] = [$"One or more of: {string.Join(", ", grantable)}."];
        }
        else if (CreatorBinding.Violation(roles, request.CreatorId) is { } violation)
        {
            // Mixing the creator role with others is the roles' fault; a creator missing or out of place is the id's.
            errors[roles.Count > 1 && roles.Contains(Roles.Creator) ? "roles" : "creatorId"] = [violation];
        }
        else if (request.MemberId is not null && request.CreatorId is not null)
        {
            errors["memberId"] = ["A key is issued to a member or to a creator, not both."];
        }

        return errors.Count > 0 ? throw new RequestValidationException(errors) : (name, roles);
    }
}

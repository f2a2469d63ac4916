using System.Security.Claims;
using AmbassadorNet.Contracts.Members;
using AmbassadorNet.Gateway.Data;
using AmbassadorNet.Gateway.Keys;
using AmbassadorNet.Messaging.Outbox;
using AmbassadorNet.Persistence.Pagination;
using AmbassadorNet.Security;
using AmbassadorNet.ServiceDefaults.Errors;
using AmbassadorNet.ServiceDefaults.Persistence;
using AmbassadorNet.SharedKernel;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace AmbassadorNet.Gateway.Api;

/// <summary>
/// A brand's admins keep its people: add a member, change their roles, deactivate and erase them. A change
/// reaches every key of the member on every gateway instance at once (the revocation feed).
/// </summary>
public static class MembersApi
{
    private const int DefaultLimit = 50;

    private static readonly KeysetOrder<Member, DateTimeOffset> ByCreation = new("created", m => m.CreatedAt, m => m.Id, descending: false);

    public static IEndpointRouteBuilder MapMembersApi(this IEndpointRouteBuilder app)
    {
        var members = app.MapGroup("/api/members").RequireAccess(AccessPolicies.Members).WithTags(GatewayTags.Members);
        members.MapGet("/", ListAsync).WithName("ListMembers").WithSummary("Lists the brand's members, deactivated ones included, oldest first.");
        members.MapPost("/", CreateAsync).WithName("CreateMember").WithSummary("Adds a person of the brand's staff with the roles they may hold.");
        members.MapGet("/{id:guid}", GetAsync).WithName("GetMember").WithSummary("One member.");
        members.MapPut("/{id:guid}/roles", SetRolesAsync).WithName("SetMemberRoles")
            .WithSummary("Replaces a member's roles; every key of theirs carries at most these from the next request on.");
        members.MapPost("/{id:guid}/deactivate", DeactivateAsync).WithName("DeactivateMember")
            .WithSummary("Deactivates a member: their keys are refused and they cannot sign in; repeating it changes nothing.");
        members.MapPost("/{id:guid}/erase", EraseAsync).WithName("EraseMember")
            .WithSummary("Erases a deactivated member's name, email and identity on request (the id stays); repeating it changes nothing.");
        return app;
    }

    private static async Task<Ok<MemberPage>> ListAsync(ClaimsPrincipal caller, GatewayDbContext db, string? cursor, int? limit, CancellationToken cancellationToken)
    {
        if (limit is < 1 or > KeysetPagination.MaxLimit)
        {
            throw new RequestValidationException("limit", $"A limit of 1 to {KeysetPagination.MaxLimit} is allowed.");
        }

        db.BrandScope.Set(caller.GetBrandId());
        var page = await db.Members.AsNoTracking().ToPageAsync(ByCreation, cursor, limit ?? DefaultLimit, cancellationToken);
        return TypedResults.Ok(new MemberPage([.. page.Items.Select(MemberInput.View)], page.NextCursor));
    }

    private static async Task<Created<MemberView>> CreateAsync(
        NewMemberRequest request, ClaimsPrincipal caller, GatewayDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        db.BrandScope.Set(caller.GetBrandId());
        var member = MemberInput.Create(caller.GetBrandId(), request, caller.GetCaller(), clock);
        db.Members.Add(member);
        await db.SaveOrConflictAsync("", new Dictionary<string, string>
        {
            ["ix_members_brand_id_email"] = $"The brand already has a member with the email {member.Email}.",
        }, cancellationToken);
        return TypedResults.Created($"/api/members/{member.Id}", MemberInput.View(member));
    }

    private static async Task<Ok<MemberView>> GetAsync(Guid id, ClaimsPrincipal caller, GatewayDbContext db, CancellationToken cancellationToken)
    {
        db.BrandScope.Set(caller.GetBrandId());
        return TypedResults.Ok(MemberInput.View(await FindAsync(db, id, cancellationToken)));
    }

    private static Task<Ok<MemberView>> SetRolesAsync(
        Guid id, MemberRolesRequest request, ClaimsPrincipal caller, GatewayDbContext db, ApiKeyDirectory directory, CancellationToken cancellationToken)
    {
        var roles = MemberInput.ValidRoles(request.Roles);
        return ChangeAsync(id, caller, db, directory, async (member, ct) =>
        {
            if (member.Roles.SequenceEqual(roles))
            {
                return false;
            }

            if (!roles.Contains(Roles.Admin))
            {
                await EnsureAnotherAdminAsync(db, member, ct);
            }

            member.Roles = roles;
            return true;
        }, cancellationToken);
    }

    private static Task<Ok<MemberView>> DeactivateAsync(
        Guid id, ClaimsPrincipal caller, GatewayDbContext db, ApiKeyDirectory directory, TimeProvider clock, CancellationToken cancellationToken) =>
        ChangeAsync(id, caller, db, directory, async (member, ct) =>
        {
            if (member.DeactivatedAt is not null)
            {
                return false;
            }

            await EnsureAnotherAdminAsync(db, member, ct);
            member.DeactivatedAt = Instants.ToMicroseconds(clock.GetUtcNow());
            return true;
        }, cancellationToken);

    /// <summary>
    /// Erases a deactivated member's personal data on request: name, email, identity at the provider, and the
    /// names of their keys (often theirs). The id stays, so approvals and the audit trail still say which member
    /// acted; <see cref="MemberErased"/> has the audit trail drop what it kept of them.
    /// </summary>
    private static Task<Ok<MemberView>> EraseAsync(
        Guid id, ClaimsPrincipal caller, GatewayDbContext db, ApiKeyDirectory directory, TimeProvider clock, CancellationToken cancellationToken) =>
        ChangeAsync(id, caller, db, directory, async (member, ct) =>
        {
            if (member.ErasedAt is not null)
            {
                return false;
            }

            if (member.DeactivatedAt is null)
            {
                throw new ConflictException($"Member {member.Id} is active; deactivate them first, so nobody acts for the brand under an erased name.");
            }

            var now = Instants.ToMicroseconds(clock.GetUtcNow());
            member.Erase(now);
            await db.ApiKeys.Where(k => k.MemberId == member.Id).ForEachAsync(key => key.Name = ApiKey.ErasedMembersKeyName, ct);
            db.AddEvent(new MemberErased(member.BrandId, now, member.Id), clock);
            return true;
        }, cancellationToken);

    /// <summary>
    /// Applies <paramref name="change"/> to the member holding the brand's row lock, so that two admins demoting or
    /// deactivating the brand's last two admins at once take turns and the second is refused; when it changed
    /// something, saves and has every instance forget every key on commit (which of them were the member's is not
    /// worth a query).
    /// </summary>
    internal static async Task<Ok<MemberView>> ChangeAsync(
        Guid id, ClaimsPrincipal caller, GatewayDbContext db, ApiKeyDirectory directory, Func<Member, CancellationToken, Task<bool>> change, CancellationToken cancellationToken)
    {
        var brand = caller.GetBrandId();
        db.BrandScope.Set(brand);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM brands WHERE id = {brand} FOR UPDATE", cancellationToken);
        var member = await FindAsync(db, id, cancellationToken);
        if (!await change(member, cancellationToken))
        {
            return TypedResults.Ok(MemberInput.View(member));
        }

        await db.SaveChangesAsync(cancellationToken);
        await RevocationListener.NotifyEveryKeyAsync(db, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        directory.ForgetAll();
        return TypedResults.Ok(MemberInput.View(member));
    }

    /// <summary>A brand keeps an active admin member: without one, nobody could add people or fix roles (409).</summary>
    private static async Task EnsureAnotherAdminAsync(GatewayDbContext db, Member member, CancellationToken cancellationToken)
    {
        if (member.DeactivatedAt is not null || !member.Roles.Contains(Roles.Admin))
        {
            return;
        }

        // Roles are one text column: the brand's active members (a few hundred at most) are read and checked here.
        var others = await db.Members.Where(m => m.Id != member.Id && m.DeactivatedAt == null).Select(m => m.Roles).ToListAsync(cancellationToken);
        if (!others.Any(roles => roles.Contains(Roles.Admin)))
        {
            throw new ConflictException($"Member {member.Id} is the brand's last active admin; make another member an admin first.");
        }
    }

    internal static async Task<Member> FindAsync(GatewayDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.Members.FirstOrDefaultAsync(m => m.Id == id, cancellationToken) ?? throw new NotFoundException($"No member {id}.");
}

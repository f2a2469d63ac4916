using System.Security.Claims;
using AmbassadorNet.Gateway.Data;
using AmbassadorNet.Gateway.Keys;
using AmbassadorNet.Security;
using AmbassadorNet.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace AmbassadorNet.Gateway.Api;

/// <summary>
/// "This member is also creator X" (issue #32): staff who are also creators of the brand's programme. The link
/// travels in the member's internal token, so the creators service can refuse their approval of a change to
/// their own payee details, and hold a change they make to them for another member.
/// </summary>
public static class MemberCreatorApi
{
    public static IEndpointRouteBuilder MapMemberCreatorApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/members").RequireAccess(AccessPolicies.Members).WithTags(GatewayTags.Members)
            .MapPut("/{id:guid}/creator", SetAsync).WithName("SetMemberCreator")
            .WithSummary("Links the member to the creator of the brand's programme they also are, or clears it with null; "
                + "such a member cannot approve a change of that creator's payee details.");
        return app;
    }

    private static async Task<Ok<MemberView>> SetAsync(
        Guid id, MemberCreatorRequest request, ClaimsPrincipal caller, GatewayDbContext db, CreatorDirectory creators, ApiKeyDirectory directory,
        CancellationToken cancellationToken)
    {
        db.BrandScope.Set(caller.GetBrandId());
        // Untracked: the change below reads the member again under the brand's lock.
        var current = await db.Members.AsNoTracking().Where(m => m.Id == id).Select(m => new { m.CreatorId }).FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException($"No member {id}.");
        if (request.CreatorId is { } creatorId && current.CreatorId != creatorId)
        {
            // Asked before the brand's lock is taken: a slow creators service holds up no other change to members.
            await creators.EnsureActiveAsync(caller.GetBrandId(), creatorId, caller.GetCaller(), cancellationToken);
        }

        return await MembersApi.ChangeAsync(id, caller, db, directory, async (member, ct) =>
        {
            if (member.CreatorId == request.CreatorId)
            {
                return false;
            }

            if (request.CreatorId is { } linked)
            {
                EnsureNotErased(member);
                // Under the brand's lock, so two admins linking one creator at once take turns and the second is refused.
                await EnsureUnlinkedAsync(db, linked, ct);
            }

            member.CreatorId = request.CreatorId;
            return true;
        }, cancellationToken);
    }

    private static void EnsureNotErased(Member member)
    {
        if (member.ErasedAt is not null)
        {
            throw new ConflictException($"Member {member.Id} is erased; an erased member is linked to no one.");
        }
    }

    /// <summary>One member per creator: a second one would be a member the rule does not know as the payee (409).</summary>
    private static async Task EnsureUnlinkedAsync(GatewayDbContext db, Guid creatorId, CancellationToken cancellationToken)
    {
        if (await db.Members.AsNoTracking().FirstOrDefaultAsync(m => m.CreatorId == creatorId, cancellationToken) is { } holder)
        {
            throw new ConflictException($"Creator {creatorId} is linked to member {holder.Id} already; clear that link first.");
        }
    }
}

using System.Linq.Expressions;
using AmbassadorNet.Campaigns.Domain.Agreements;
using AmbassadorNet.Campaigns.Domain.Posts;
using AmbassadorNet.Campaigns.Domain.UsageRights;

namespace AmbassadorNet.Campaigns.Api.UsageRights;

/// <summary>
/// <c>GET /api/posts?rights=...</c> in SQL: the rule of <see cref="EffectiveUsageRights"/> and the
/// statuses of <see cref="UsageRightsSummary"/> as EXISTS subqueries, so the filter pages like any other.
/// </summary>
internal static class UsageRightsFilter
{
    public static IQueryable<Post> WhereUsageRights(this IQueryable<Post> posts, CampaignsDbContext db, UsageRightsStatus status, DateOnly today, int expiringWithinDays)
    {
        var soon = today.AddDays(expiringWithinDays);

        // The post's own grants, or, when it has none, those of its enrollment's latest accepted agreement version.
        Expression<Func<Post, IQueryable<UsageGrant>>> effective = p => db.UsageGrants.Where(g =>
            g.PostId == p.Id
            || (g.AgreementId != null // else C#'s null == null would match every post's own grants when there is no accepted version
                && g.AgreementId == db.Agreements.Where(a => a.EnrollmentId == p.EnrollmentId && a.Status == AgreementStatus.Accepted)
                    .OrderByDescending(a => a.AgreementVersion).Select(a => (Guid?)a.Id).FirstOrDefault()
                && !db.UsageGrants.Any(own => own.PostId == p.Id)));

        var any = Any(effective, g => true);
        var inForce = Any(effective, g => g.StartsOn <= today && (g.EndsOn == null || g.EndsOn >= today));
        var endingSoon = Any(effective, g => g.StartsOn <= today && g.EndsOn != null && g.EndsOn >= today && g.EndsOn <= soon);
        var notEnded = Any(effective, g => g.EndsOn == null || g.EndsOn >= today);
        var later = Any(effective, g => g.StartsOn > today);
        Expression test = status switch
        {
            UsageRightsStatus.None => Expression.Not(any),
            UsageRightsStatus.Active => Expression.AndAlso(inForce, Expression.Not(endingSoon)),
            UsageRightsStatus.Expiring => endingSoon,
            UsageRightsStatus.NotStarted => Expression.AndAlso(Expression.Not(inForce), later),
            _ => Expression.AndAlso(any, Expression.Not(notEnded)),
        };
        return posts.Where(Expression.Lambda<Func<Post, bool>>(test, effective.Parameters));
    }

    /// <summary><c>effective(p).Any(test)</c>, over the same parameter <c>p</c>.</summary>
    private static MethodCallExpression Any(Expression<Func<Post, IQueryable<UsageGrant>>> effective, Expression<Func<UsageGrant, bool>> test) =>
        Expression.Call(typeof(Queryable), nameof(Queryable.Any), [typeof(UsageGrant)], effective.Body, Expression.Quote(test));
}

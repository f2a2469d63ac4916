using System.Globalization;
using System.Security.Claims;
using AmbassadorNet.Campaigns.Domain.Posts;
using AmbassadorNet.Campaigns.Domain.UsageRights;
using AmbassadorNet.Security;

namespace AmbassadorNet.Campaigns.Api.UsageRights;

/// <summary>A post's usage rights: read the effective ones with their source, set its own, and ask whether a use is allowed.</summary>
internal static class PostUsageRightsEndpoints
{
    public static async Task<Ok<PostUsageRightsView>> GetAsync(Guid id, CampaignsDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var post = await db.LoadPostAsync(id, ct);
        return TypedResults.Ok(await ViewAsync(db, post, clock, ct));
    }

    /// <summary>Replaces the post's own grants ([] clears them, so the inherited ones hold again); the same grants again change nothing.</summary>
    public static async Task<Ok<PostUsageRightsView>> SetAsync(Guid id, SetPostUsageRightsRequest request, ClaimsPrincipal user, CampaignsDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        errors.Check(request.Grants is not null, "grants", $"The post's own grants, 0 to {UsageGrant.MaxPerHolder}; [] clears them.");
        var grants = UsageGrantValidation.Check(request.Grants, "grants", errors);
        errors.ThrowIfAny();
        var post = await db.LoadPostAsync(id, ct);
        var current = await db.UsageGrants.Where(g => g.PostId == post.Id).ToListAsync(ct);
        if (Describe(current.OrderBy(g => g.Position)).SequenceEqual(Describe(grants)))
        {
            return TypedResults.Ok(await ViewAsync(db, post, clock, ct));
        }

        var rights = await db.PostUsageRights.SingleOrDefaultAsync(r => r.Id == post.Id, ct);
        if (rights is null)
        {
            rights = new PostUsageRights { Id = post.Id, BrandId = post.BrandId };
            db.PostUsageRights.Add(rights);
        }

        db.UsageGrants.RemoveRange(current);
        db.UsageGrants.AddRange(UsageGrant.Hold(grants, post.BrandId, null, post.Id, clock));
        rights.Set(user.GetApiKeyId(), clock.GetUtcNow());
        db.AddEvent(UsageRightsEventFactory.Set(post, rights, grants), clock);
        await db.SaveAsync(ct);
        return TypedResults.Ok(await ViewAsync(db, post, clock, ct));
    }

    /// <summary>Whether the brand may use the post for <paramref name="use"/> in <paramref name="territory"/> on <paramref name="on"/> (default today, UTC), and why.</summary>
    public static async Task<Ok<UsageCheckView>> CheckAsync(Guid id, string? use, string? territory, string? on, CampaignsDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        errors.Check(UsageRightsUses.IsKnown(use), "use", $"One of: {UsageRightsUses.Names}.");
        errors.Check(territory is not null && UsageGrantValidation.CountryCode().IsMatch(territory), "territory", "An ISO 3166-1 alpha-2 upper-case code such as \"DE\".");
        var day = UsageRightsStore.Today(clock);
        errors.Check(on is null || DateOnly.TryParseExact(on, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day), "on", "A day as yyyy-MM-dd (UTC); default today.");
        errors.ThrowIfAny();
        var post = await db.LoadPostAsync(id, ct);
        var rights = await db.EffectiveUsageRightsAsync(post, ct);
        var answer = UsageCheck.Check(rights, use!, territory!, day);
        var fromAgreement = rights.Source == UsageRightsSource.Agreement;
        return TypedResults.Ok(new UsageCheckView(
            answer.Allowed, answer.Reason, rights.Source, fromAgreement ? rights.AgreementId : null, fromAgreement ? rights.AgreementVersion : null,
            answer.Grant is { } g ? UsageGrantView.From(g) : null));
    }

    private static async Task<PostUsageRightsView> ViewAsync(CampaignsDbContext db, Post post, TimeProvider clock, CancellationToken ct)
    {
        var rights = await db.EffectiveUsageRightsAsync(post, ct);
        var policy = await db.UsageRightsPolicyAsync(ct);
        return PostUsageRightsView.From(post.Id, rights, UsageRightsSummary.Of(rights, UsageRightsStore.Today(clock), policy.ExpiringWithinDays));
    }

    private static IEnumerable<string> Describe(IEnumerable<UsageGrant> grants) => grants.Select(g => g.Describe());
}

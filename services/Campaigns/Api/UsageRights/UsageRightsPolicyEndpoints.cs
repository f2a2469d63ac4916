using System.Security.Claims;
using AmbassadorNet.Campaigns.Api.Policies;
using AmbassadorNet.Campaigns.Domain.UsageRights;
using AmbassadorNet.Security;

namespace AmbassadorNet.Campaigns.Api.UsageRights;

/// <summary>The brand's usage-rights policy (when expiry notices go out): read it (the default until the brand sets one), replace it.</summary>
internal static class UsageRightsPolicyEndpoints
{
    public static async Task<Ok<UsageRightsPolicyView>> GetAsync(CampaignsDbContext db, CancellationToken ct) =>
        TypedResults.Ok(UsageRightsPolicyView.From(await db.UsageRightsPolicyAsync(ct)));

    /// <summary>Replaces the thresholds (kept largest first); the same thresholds again change nothing.</summary>
    public static async Task<Ok<UsageRightsPolicyView>> PutAsync(UsageRightsPolicyRequest request, ClaimsPrincipal user, CampaignsDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var days = request.ExpiryNoticeDays;
        new FieldErrors().Check(
                days is { Count: >= 1 and <= UsageRightsPolicy.MaxThresholds } && days.All(d => d is >= 1 and <= UsageRightsPolicy.MaxDays) && days.Distinct().Count() == days.Count,
                "expiryNoticeDays", $"1 to {UsageRightsPolicy.MaxThresholds} distinct numbers of days from 1 to {UsageRightsPolicy.MaxDays}, such as [30, 7, 1].")
            .ThrowIfAny();
        var policy = await BrandPolicies.ReplaceAsync(db, db.UsageRightsPolicies, p => p.ExpiryNoticeDays.SequenceEqual(days!.OrderDescending()),
            p => p.Change(days!, user.GetApiKeyId(), clock.GetUtcNow()), UsageRightsEventFactory.PolicyChanged, clock, ct);
        return TypedResults.Ok(UsageRightsPolicyView.From(policy));
    }
}

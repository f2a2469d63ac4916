using System.Security.Claims;
using AmbassadorNet.Campaigns.Api.Policies;
using AmbassadorNet.Campaigns.Domain.Exclusivity;
using AmbassadorNet.Security;

namespace AmbassadorNet.Campaigns.Api.Exclusivity;

/// <summary>The brand's exclusivity policy: read it (the default until the brand sets one), replace it.</summary>
internal static class ExclusivityPolicyEndpoints
{
    public static async Task<Ok<ExclusivityPolicyView>> GetAsync(CampaignsDbContext db, CancellationToken ct) =>
        TypedResults.Ok(ExclusivityPolicyView.From(await db.ExclusivityPolicyAsync(ct)));

    /// <summary>Replaces the policy; invitations from now on are checked by it, those already made keep their flags. The same policy again changes nothing.</summary>
    public static async Task<Ok<ExclusivityPolicyView>> PutAsync(ExclusivityPolicyRequest request, ClaimsPrincipal user, CampaignsDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var (onConflict, pairs) = ExclusivityPolicyValidation.Check(request);
        var policy = await BrandPolicies.ReplaceAsync(db, db.ExclusivityPolicies, p => p.OnConflict == onConflict && p.ConflictingCategories.SequenceEqual(pairs),
            p => p.Change(onConflict, pairs, user.GetApiKeyId(), clock.GetUtcNow()), ExclusivityEventFactory.PolicyChanged, clock, ct);
        return TypedResults.Ok(ExclusivityPolicyView.From(policy));
    }
}

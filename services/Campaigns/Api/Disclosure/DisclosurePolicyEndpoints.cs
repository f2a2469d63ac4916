using System.Security.Claims;
using AmbassadorNet.Campaigns.Api.Policies;
using AmbassadorNet.Campaigns.Domain.Disclosure;
using AmbassadorNet.Security;

namespace AmbassadorNet.Campaigns.Api.Disclosure;

/// <summary>The brand's disclosure policy: read it (the default until the brand sets one), replace it.</summary>
internal static class DisclosurePolicyEndpoints
{
    public static async Task<Ok<DisclosurePolicyView>> GetAsync(CampaignsDbContext db, CancellationToken ct) =>
        TypedResults.Ok(DisclosurePolicyView.From(await db.DisclosurePolicies.AsNoTracking().SingleOrDefaultAsync(ct) ?? DisclosurePolicy.Default));

    /// <summary>Replaces the policy; posts recorded from now on are checked by it, those already recorded keep their answer. The same policy again changes nothing.</summary>
    public static async Task<Ok<DisclosurePolicyView>> PutAsync(DisclosurePolicyRequest request, ClaimsPrincipal user, CampaignsDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var markers = DisclosurePolicyValidation.Check(request);
        var accept = request.AcceptPaidPartnershipLabel!.Value;
        var policy = await BrandPolicies.ReplaceAsync(db, db.DisclosurePolicies, p => p.AcceptPaidPartnershipLabel == accept && Same(p.Markers, markers),
            p => p.Change(markers, accept, user.GetApiKeyId(), clock.GetUtcNow()), DisclosureEventFactory.PolicyChanged, clock, ct);
        return TypedResults.Ok(DisclosurePolicyView.From(policy));
    }

    private static bool Same(IReadOnlyList<DisclosureMarker> current, IReadOnlyList<DisclosureMarker> wanted) =>
        current.Count == wanted.Count && current.Zip(wanted).All(pair =>
            pair.First.Text == pair.Second.Text && (pair.First.Markets ?? []).SequenceEqual(pair.Second.Markets ?? []) && (pair.First.Markets is null) == (pair.Second.Markets is null));
}

using AmbassadorNet.Security;

namespace AmbassadorNet.Campaigns.Api.UsageRights;

/// <summary>The usage-rights routes: a post's rights and the check (under /api/posts), and the brand's notice thresholds (under /api/content-policy).</summary>
internal static class UsageRightsApi
{
    public static void MapPostUsageRights(this RouteGroupBuilder posts)
    {
        posts.MapGet("/{id:guid}/usage-rights", PostUsageRightsEndpoints.GetAsync).RequireAccess(AccessPolicies.CatalogRead)
            .WithName("GetPostUsageRights").WithSummary("The post's effective usage rights with their source: its own grants, else those of its enrollment's latest accepted agreement version, else none.");
        posts.MapPut("/{id:guid}/usage-rights", PostUsageRightsEndpoints.SetAsync).RequireAccess(AccessPolicies.CatalogWrite)
            .WithName("SetPostUsageRights").WithSummary("Sets the post's own usage grants (1 to 10), which replace the inherited ones; [] clears them.");
        posts.MapGet("/{id:guid}/usage-check", PostUsageRightsEndpoints.CheckAsync).RequireAccess(AccessPolicies.CatalogRead)
            .WithName("CheckPostUsage").WithSummary("May the brand use the post for a use in a territory on a day (default today, UTC)? Yes or no, with the exact reason and the grant.");
    }

    public static void MapUsageRightsPolicy(this RouteGroupBuilder policy)
    {
        policy.MapGet("/usage-rights", UsageRightsPolicyEndpoints.GetAsync).RequireAccess(AccessPolicies.CatalogRead)
            .WithName("GetUsageRightsPolicy").WithSummary("How many days before a post's usage rights end a notice goes out; the default [30, 7, 1] until the brand sets its own.");
        policy.MapPut("/usage-rights", UsageRightsPolicyEndpoints.PutAsync).RequireAccess(AccessPolicies.CatalogWrite)
            .WithName("SetUsageRightsPolicy").WithSummary("Replaces the expiry notice thresholds (1 to 10 distinct days from 1 to 365, kept largest first).");
    }
}

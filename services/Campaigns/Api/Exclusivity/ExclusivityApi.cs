using AmbassadorNet.Campaigns.Api.Me;
using AmbassadorNet.Security;
using AmbassadorNet.ServiceDefaults.Idempotency;

namespace AmbassadorNet.Campaigns.Api.Exclusivity;

/// <summary>The exclusivity routes: the brand's policy, creators' exclusivities as the brand sees them, and a creator's own.</summary>
public static class ExclusivityApi
{
    public const string Tag = "Exclusivity";

    public const string Description = "Creators' exclusivities with others and the brand's policy on competing product categories, checked when a creator is invited.";

    public static void MapExclusivityApi(this IEndpointRouteBuilder app)
    {
        var policy = app.MapGroup("/api/content-policy/exclusivity").WithTags(Tag);
        policy.MapGet("/", ExclusivityPolicyEndpoints.GetAsync).RequireAccess(AccessPolicies.CatalogRead)
            .WithName("GetExclusivityPolicy").WithSummary("Which product categories compete and whether a conflicting invitation is refused or flagged; the default (flag, no pairs) until the brand sets its own.");
        policy.MapPut("/", ExclusivityPolicyEndpoints.PutAsync).RequireAccess(AccessPolicies.CatalogWrite)
            .WithName("SetExclusivityPolicy").WithSummary("Replaces the exclusivity policy; invitations from now on are checked by it.");

        var exclusivities = app.MapGroup("/api/exclusivities").WithTags(Tag);
        exclusivities.MapPost("/", CreatorExclusivityEndpoints.RecordAsync).RequireAccess(AccessPolicies.CatalogWrite).Idempotent()
            .WithName("RecordCreatorExclusivity").WithSummary("Records, on a creator's behalf, an exclusivity they hold with someone else: a product category and a window.");
        exclusivities.MapGet("/", CreatorExclusivityEndpoints.ListAsync).RequireAccess(AccessPolicies.CatalogRead)
            .WithName("ListCreatorExclusivities").WithSummary("Creators' declared exclusivities, newest first, by creator and by a day they cover; cursor-paginated.");
        exclusivities.MapGet("/{id:guid}", CreatorExclusivityEndpoints.GetAsync).RequireAccess(AccessPolicies.CatalogRead)
            .WithName("GetCreatorExclusivity").WithSummary("One declared exclusivity.");

        var mine = app.MapGroup("/api/me/exclusivities").WithTags(CreatorSelfApi.Tag).RequireAccess(AccessPolicies.CreatorSelf);
        mine.MapPost("/", CreatorExclusivityEndpoints.DeclareAsync).Idempotent()
            .WithName("DeclareMyExclusivity").WithSummary("The creator declares an exclusivity they hold with someone else (no brand named): a product category and a window.");
        mine.MapGet("/", CreatorExclusivityEndpoints.ListMineAsync)
            .WithName("ListMyExclusivities").WithSummary("The creator's declared exclusivities, newest first, optionally those covering a day; cursor-paginated.");
        mine.MapGet("/{id:guid}", CreatorExclusivityEndpoints.GetAsync)
            .WithName("GetMyExclusivity").WithSummary("One of the creator's declared exclusivities.");
        mine.MapDelete("/{id:guid}", CreatorExclusivityEndpoints.WithdrawAsync)
            .WithName("WithdrawMyExclusivity").WithSummary("The creator withdraws one of their declared exclusivities; invitations from now on no longer check it.");
    }
}

using AmbassadorNet.Creators.Api.Me;
using AmbassadorNet.Creators.Api.Proposals;
using AmbassadorNet.Creators.Import;
using AmbassadorNet.Security;
using AmbassadorNet.ServiceDefaults.Idempotency;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace AmbassadorNet.Creators.Api;

/// <summary>The creators API: every route, its role-table row and its summary, in one place.</summary>
public static class CreatorsApi
{
    /// <summary>What each tag of this API groups, for its OpenAPI document.</summary>
    public static IReadOnlyDictionary<string, string> Tags { get; } = new Dictionary<string, string>
    {
        ["Creators"] = "The brand's creators: onboarding and approval, status changes, tier history, social stats, payout profiles, bulk import and erasure.",
        // The merged document keeps this description for every service's routes of the tag, so it names none of them.
        [CreatorSelf] = "What a creator does with their own creator credential (/api/me/...): their own records only, never anyone else's; the creator comes from the credential, never from the request.",
    };

    /// <summary>The tag of a creator's own routes, as the campaigns service names it.</summary>
    public const string CreatorSelf = "Creator's own";

    public static IEndpointRouteBuilder MapCreatorsApi(this IEndpointRouteBuilder app)
    {
        var creators = app.MapGroup("/api/creators").WithTags("Creators");

        creators.MapPost("/", ApplyEndpoint.ApplyAsync).RequireAccess(AccessPolicies.CatalogWrite).Idempotent()
            .WithName("ApplyCreator").WithSummary("Registers a creator who applies to the program, with the social accounts they bring.");
        creators.MapPost("/import", ImportEndpoint.ImportAsync).RequireAccess(AccessPolicies.CatalogWrite).WithBodyLimit(RequestBodyLimits.File).Idempotent()
            .Accepts<string>("text/csv").DisableAntiforgery()
            .WithName("ImportCreators").WithSummary("Onboards many creators from a CSV file, with a report per row (mode all-or-nothing or partial).");
        creators.MapGet("/", SearchEndpoint.SearchAsync).RequireAccess(AccessPolicies.CatalogRead)
            .WithName("SearchCreators").WithSummary("Finds creators by niche, tier, engagement, followers, country, status and text; cursor-paginated.");
        creators.MapGet("/{id:guid}", ReadEndpoints.GetAsync).RequireAccess(AccessPolicies.CatalogRead)
            .WithName("GetCreator").WithSummary("One creator with their accounts and payout profile.");
        creators.MapGet("/{id:guid}/tier-history", StatsEndpoints.TierHistoryAsync).RequireAccess(AccessPolicies.CatalogRead)
            .WithName("GetCreatorTierHistory").WithSummary("Every move of the creator between tiers, oldest first.");
        creators.MapPatch("/{id:guid}", LifecycleEndpoints.UpdateAsync).RequireAccess(AccessPolicies.CatalogWrite)
            .WithName("UpdateCreator").WithSummary("Changes the display name, email, country or niches.");
        creators.MapPost("/{id:guid}/social-stats", StatsEndpoints.RecordAsync).RequireAccess(AccessPolicies.CatalogWrite)
            .WithName("RecordSocialStats").WithSummary("Records a stat snapshot of one account; engagement and tier are derived again.");
        creators.MapPut("/{id:guid}/payout-profile", PayoutProfileEndpoint.SetAsync).RequireAccess(AccessPolicies.PayoutProfileWrite)
            .WithName("SetPayoutProfile").WithSummary("Sets how the creator is paid: method, currency, payee reference and tax-form status; 202 with a pending proposal instead when the brand's approval policy holds payee changes for other members, or the member making it is this creator.");

        creators.MapGet("/{id:guid}/payout-profile/proposals", ProposalEndpoints.ListAsync).RequireAccess(AccessPolicies.PayoutProfileWrite)
            .WithName("ListPayoutProfileProposals").WithSummary("The payout-profile changes the creator proposed, newest first, optionally by status; cursor-paginated.");
        creators.MapPost("/{id:guid}/payout-profile/proposals/{pid:guid}/confirm", ProposalEndpoints.ConfirmAsync).RequireAccess(AccessPolicies.PayoutProfileWrite)
            .WithName("ConfirmPayoutProfileProposal").WithSummary("A member confirms a pending proposal; with the last confirmation it needs, the payout profile is set as PUT payout-profile does. 403 naming the rule when this member may not (not a member, the proposer or an earlier confirmer, a key issued after the proposal or by one of them, or the member linked to this creator); 409 unless pending or when this member confirmed it already.");
        creators.MapPost("/{id:guid}/payout-profile/proposals/{pid:guid}/reject", ProposalEndpoints.RejectAsync).RequireAccess(AccessPolicies.PayoutProfileWrite)
            .WithName("RejectPayoutProfileProposal").WithSummary("Rejects a pending proposal, with an optional note; the payout profile stays as it is; 409 unless pending.");

        creators.MapPost("/{id:guid}/approve", LifecycleEndpoints.ApproveAsync).RequireAccess(AccessPolicies.CatalogWrite)
            .WithName("ApproveCreator").WithSummary("Approves an applicant; campaigns may then enroll them.");
        creators.MapPost("/{id:guid}/reject", LifecycleEndpoints.RejectAsync).RequireAccess(AccessPolicies.CatalogWrite)
            .WithName("RejectCreator").WithSummary("Rejects an applicant, with an optional reason.");
        creators.MapPost("/{id:guid}/suspend", LifecycleEndpoints.SuspendAsync).RequireAccess(AccessPolicies.CatalogWrite)
            .WithName("SuspendCreator").WithSummary("Suspends an approved creator, with an optional reason.");
        creators.MapPost("/{id:guid}/reinstate", LifecycleEndpoints.ReinstateAsync).RequireAccess(AccessPolicies.CatalogWrite)
            .WithName("ReinstateCreator").WithSummary("Reinstates a suspended creator.");
        creators.MapPost("/{id:guid}/offboard", LifecycleEndpoints.OffboardAsync).RequireAccess(AccessPolicies.CatalogWrite)
            .WithName("OffboardCreator").WithSummary("Ends the creator's membership of the program for good.");
        creators.MapPost("/{id:guid}/erase", LifecycleEndpoints.EraseAsync).RequireAccess(AccessPolicies.CatalogWrite)
            .WithName("EraseCreator").WithSummary("Erases the creator's personal data on request; ids and figures are kept.");
        MapCreatorSelf(app);
        return app;
    }

    /// <summary>A creator's own routes (creator credentials only): the creator is the token's, never the request's.</summary>
    private static void MapCreatorSelf(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/me/profile", MyCreatorEndpoints.ProfileAsync).RequireAccess(AccessPolicies.CreatorSelf).WithTags(CreatorSelf)
            .WithName("GetMyProfile").WithSummary("The creator's own record as GET /api/creators/{id} shows it, the payee reference masked but for its last four characters.");
        var payoutProfile = app.MapGroup("/api/me/payout-profile").WithTags(CreatorSelf).RequireAccess(AccessPolicies.CreatorSelf);
        payoutProfile.MapGet("/", MyCreatorEndpoints.PayoutProfileAsync)
            .WithName("GetMyPayoutProfile").WithSummary("The creator's current payout profile, the payee reference masked but for its last four characters; 404 before the first.");
        payoutProfile.MapPost("/proposals", ProposalEndpoints.ProposeAsync).Idempotent()
            .WithName("ProposeMyPayoutProfile").WithSummary("Proposes a payout profile (checked as PUT payout-profile; tax form only \"submitted\"); nothing changes until the brand's finance confirms; replaces a pending proposal.");
        payoutProfile.MapGet("/proposals", ProposalEndpoints.MineAsync)
            .WithName("ListMyPayoutProfileProposals").WithSummary("The creator's payout-profile proposals, newest first, optionally by status; cursor-paginated.");
    }
}

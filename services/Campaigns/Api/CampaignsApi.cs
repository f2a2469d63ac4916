using AmbassadorNet.Campaigns.Api.Agreements;
using AmbassadorNet.Campaigns.Api.Disclosure;
using AmbassadorNet.Campaigns.Api.Exclusivity;
using AmbassadorNet.Campaigns.Api.Experiments;
using AmbassadorNet.Campaigns.Api.Gifts;
using AmbassadorNet.Campaigns.Api.Me;
using AmbassadorNet.Campaigns.Api.Overrides;
using AmbassadorNet.Campaigns.Api.Posts;
using AmbassadorNet.Campaigns.Api.UsageRights;
using AmbassadorNet.Security;
using AmbassadorNet.ServiceDefaults.Idempotency;

namespace AmbassadorNet.Campaigns.Api;

/// <summary>The campaigns API: every route, its role-table row and its summary, in one place.</summary>
public static class CampaignsApi
{
    /// <summary>What each tag of this API groups, for its OpenAPI document.</summary>
    public static IReadOnlyDictionary<string, string> Tags { get; } = new Dictionary<string, string>
    {
        ["Campaigns"] = "A brand's campaigns: their terms (commission, attribution window, quota), their life cycle from draft to ended, and quota reports.",
        ["Enrollments"] = "Creators invited to or enrolled in a campaign, their acceptance, removal and per-enrollment commission overrides.",
        ["Deliverables"] = "The content an enrolled creator owes a campaign: submitted, approved, rejected or sent back for revision.",
        ["Posts"] = "Creators' published content: platform, format, market and language, with a link and promo code of its own, and its metrics.",
        ["Gifts"] = "Product seeding: goods sent to creators, shipped and delivered; their value counts in the campaign's cost.",
        [AgreementsApi.Tag] = "Versioned terms per enrollment that the creator accepts with their own credential, confirming the SHA-256 of the text; templates to fill them from.",
        [CreatorSelfApi.Tag] = "What a creator does with their own creator credential: their invitations, enrollments, deliverables and posts, and nothing of anyone else's.",
        ["Experiments"] = "Tests of content within a campaign: variants, a control, posts assigned by the brand or at random with a recorded seed; analytics reports the result.",
        ["Content policy"] = "The brand's rules for creators' content: the disclosure markers (#ad) every recorded post is checked against, and when notices of expiring usage rights go out.",
        [ExclusivityApi.Tag] = ExclusivityApi.Description,
    };

    public static IEndpointRouteBuilder MapCampaignsApi(this IEndpointRouteBuilder app)
    {
        var campaigns = app.MapGroup("/api/campaigns").WithTags("Campaigns");
        campaigns.MapPost("/", CampaignEndpoints.CreateAsync).RequireAccess(AccessPolicies.CatalogWrite).Idempotent()
            .WithName("CreateCampaign").WithSummary("Drafts a campaign; only the name is required until launch.");
        campaigns.MapGet("/", CampaignEndpoints.ListAsync).RequireAccess(AccessPolicies.CatalogRead)
            .WithName("ListCampaigns").WithSummary("The brand's campaigns, newest first, optionally by status; cursor-paginated.");
        campaigns.MapGet("/{id:guid}", CampaignEndpoints.GetAsync).RequireAccess(AccessPolicies.CatalogRead)
            .WithName("GetCampaign").WithSummary("One campaign with its current terms, brief, targeting and quotas.");
        campaigns.MapPatch("/{id:guid}", CampaignEndpoints.UpdateAsync).RequireAccess(AccessPolicies.CatalogWrite)
            .WithName("UpdateCampaign").WithSummary("Changes the fields given; on a launched campaign new terms apply from effectiveFrom, never earlier.");
        campaigns.MapPost("/{id:guid}/launch", LifecycleEndpoints.LaunchAsync).RequireAccess(AccessPolicies.CatalogWrite)
            .WithName("LaunchCampaign").WithSummary("Takes a complete draft live with version 1 of its terms.");
        campaigns.MapPost("/{id:guid}/pause", LifecycleEndpoints.PauseAsync).RequireAccess(AccessPolicies.CatalogWrite)
            .WithName("PauseCampaign").WithSummary("Pauses an active campaign; its links still redirect and its conversions still earn.");
        campaigns.MapPost("/{id:guid}/resume", LifecycleEndpoints.ResumeAsync).RequireAccess(AccessPolicies.CatalogWrite)
            .WithName("ResumeCampaign").WithSummary("Makes a paused campaign active again.");
        campaigns.MapPost("/{id:guid}/end", LifecycleEndpoints.EndAsync).RequireAccess(AccessPolicies.CatalogWrite)
            .WithName("EndCampaign").WithSummary("Ends the campaign for good; later orders earn nothing.");
        campaigns.MapGet("/{id:guid}/terms", LifecycleEndpoints.TermsAtAsync).RequireAccess(AccessPolicies.CatalogRead)
            .WithName("GetCampaignTermsAt").WithSummary("The terms in force at a time (default now): what an order placed then earns under.");
        campaigns.MapGet("/{id:guid}/terms/history", LifecycleEndpoints.TermsHistoryAsync).RequireAccess(AccessPolicies.CatalogRead)
            .WithName("GetCampaignTermsHistory").WithSummary("Every version of the campaign's terms with the time it took effect.");
        campaigns.MapGet("/{id:guid}/quota-report", QuotaReportEndpoint.ReportAsync).RequireAccess(AccessPolicies.CatalogRead)
            .WithName("GetQuotaReport").WithSummary("Active creators behind the campaign's monthly deliverable quotas in a month (yyyy-MM).");
        MapEnrollments(campaigns.MapGroup("/{id:guid}/enrollments").WithTags("Enrollments"));
        MapPosts(app.MapGroup("/api/posts").WithTags("Posts"));
        MapGifts(app.MapGroup("/api/gifts").WithTags("Gifts"));
        MapExperiments(app.MapGroup("/api/experiments").WithTags("Experiments"));
        app.MapAgreements();
        MapContentPolicy(app.MapGroup("/api/content-policy").WithTags("Content policy"));
        app.MapCreatorSelfApi();
        app.MapExclusivityApi();
        return app;
    }

    private static void MapPosts(RouteGroupBuilder posts)
    {
        posts.MapPost("/", PostEndpoints.RecordAsync).RequireAccess(AccessPolicies.CatalogWrite).Idempotent()
            .WithName("RecordPost").WithSummary("Records a creator's published post; with a deliverableId it also submits that deliverable.");
        posts.MapGet("/", PostEndpoints.ListAsync).RequireAccess(AccessPolicies.CatalogRead)
            .WithName("ListPosts").WithSummary("The brand's posts, latest published first, by campaign, enrollment, creator, deliverable, platform, format, disclosure or usage-rights status; cursor-paginated.");
        posts.MapGet("/{id:guid}", PostEndpoints.GetAsync).RequireAccess(AccessPolicies.CatalogRead)
            .WithName("GetPost").WithSummary("One post as recorded.");
        posts.MapPost("/{id:guid}/metrics", MetricEndpoints.RecordAsync).RequireAccess(AccessPolicies.CatalogWrite).Idempotent()
            .WithName("RecordPostMetrics").WithSummary("Reports the post's lifetime counts at a time; a UTC day keeps its latest snapshot.");
        posts.MapGet("/{id:guid}/metrics", MetricEndpoints.GetAsync).RequireAccess(AccessPolicies.CatalogRead)
            .WithName("GetPostMetrics").WithSummary("The post's snapshot per day with increments, its latest counts and engagement rate.");
        posts.MapPost("/{id:guid}/disclosure-override", DisclosureOverrideEndpoint.OverrideAsync).RequireAccess(AccessPolicies.CatalogWrite)
            .WithName("OverridePostDisclosure").WithSummary("Accepts a post whose disclosure is missing, with a note; its deliverable can then be approved.");
        posts.MapPost("/metrics/import", MetricImportEndpoint.ImportAsync).RequireAccess(AccessPolicies.CatalogWrite).WithBodyLimit(RequestBodyLimits.File).Idempotent()
            .WithName("ImportPostMetrics").WithSummary("Reports many snapshots from a CSV file, with a report per row (mode all-or-nothing or partial).")
            .Accepts<string>("text/csv").DisableAntiforgery();
        posts.MapPostUsageRights();
    }

    private static void MapContentPolicy(RouteGroupBuilder policy)
    {
        policy.MapGet("/disclosure", DisclosurePolicyEndpoints.GetAsync).RequireAccess(AccessPolicies.CatalogRead)
            .WithName("GetDisclosurePolicy").WithSummary("The disclosure markers accepted per market and whether the paid-partnership label alone is enough; the default until the brand sets its own.");
        policy.MapPut("/disclosure", DisclosurePolicyEndpoints.PutAsync).RequireAccess(AccessPolicies.CatalogWrite)
            .WithName("SetDisclosurePolicy").WithSummary("Replaces the disclosure policy; posts recorded from now on are checked by it.");
        policy.MapUsageRightsPolicy();
    }

    private static void MapExperiments(RouteGroupBuilder experiments)
    {
        experiments.MapPost("/", ExperimentEndpoints.DeclareAsync).RequireAccess(AccessPolicies.CatalogWrite).Idempotent()
            .WithName("DeclareExperiment").WithSummary("Declares an experiment in a campaign: two or more content variants, the control, how posts are assigned (brand or random with a recorded seed) and α.");
        experiments.MapGet("/", ExperimentEndpoints.ListAsync).RequireAccess(AccessPolicies.CatalogRead)
            .WithName("ListExperiments").WithSummary("The brand's experiments, newest first, by campaign and status; keyset-paged.");
        experiments.MapGet("/{id:guid}", ExperimentEndpoints.GetAsync).RequireAccess(AccessPolicies.CatalogRead)
            .WithName("GetExperiment").WithSummary("One experiment with its variants and how many posts each has.");
        experiments.MapPost("/{id:guid}/end", ExperimentEndpoints.EndAsync).RequireAccess(AccessPolicies.CatalogWrite)
            .WithName("EndExperiment").WithSummary("Ends a running experiment: it takes no more posts, and its report counts facts up to today.");
    }

    private static void MapGifts(RouteGroupBuilder gifts)
    {
        gifts.MapPost("/", GiftEndpoints.RecordAsync).RequireAccess(AccessPolicies.CatalogWrite).Idempotent()
            .WithName("RecordGift").WithSummary("Records a gift to an enrolled creator; with shippedOn and deliveredOn it is shipped and delivered at once.");
        gifts.MapGet("/", GiftEndpoints.ListAsync).RequireAccess(AccessPolicies.CatalogRead)
            .WithName("ListGifts").WithSummary("The brand's gifts, newest first, by campaign, enrollment, creator, post or status; cursor-paginated.");
        gifts.MapGet("/{id:guid}", GiftEndpoints.GetAsync).RequireAccess(AccessPolicies.CatalogRead)
            .WithName("GetGift").WithSummary("One gift with its value and status.");
        gifts.MapPost("/{id:guid}/ship", GiftEndpoints.ShipAsync).RequireAccess(AccessPolicies.CatalogWrite)
            .WithName("ShipGift").WithSummary("Marks a recorded gift shipped (on a day, default today); its value counts in the campaign's cost.");
        gifts.MapPost("/{id:guid}/deliver", GiftEndpoints.DeliverAsync).RequireAccess(AccessPolicies.CatalogWrite)
            .WithName("DeliverGift").WithSummary("Marks a shipped gift delivered; its value counts in the creator's payee totals for that year.");
        gifts.MapPost("/{id:guid}/cancel", GiftEndpoints.CancelAsync).RequireAccess(AccessPolicies.CatalogWrite)
            .WithName("CancelGift").WithSummary("Cancels a gift not yet shipped.");
    }

    private static void MapEnrollments(RouteGroupBuilder enrollments)
    {
        enrollments.MapPost("/", EnrollmentEndpoints.InviteAsync).RequireAccess(AccessPolicies.CatalogWrite).Idempotent()
            .WithName("InviteCreator").WithSummary("Invites one approved creator; 409 if the creator is not approved or not known here yet, or holds a conflicting exclusivity the brand refuses.");
        enrollments.MapPost("/bulk", BulkInviteEndpoint.InviteAsync).RequireAccess(AccessPolicies.CatalogWrite).Idempotent()
            .WithName("BulkInviteCreators").WithSummary("Invites every approved creator matching niche, tier, country and minimum engagement; conflicting exclusivities are skipped or flagged per the brand's policy.");
        enrollments.MapGet("/", EnrollmentEndpoints.ListAsync).RequireAccess(AccessPolicies.CatalogRead)
            .WithName("ListEnrollments").WithSummary("The campaign's enrollments, oldest invitation first, optionally by status and whether exclusivity conflicts were flagged; cursor-paginated.");
        enrollments.MapGet("/{eid:guid}", EnrollmentEndpoints.GetAsync).RequireAccess(AccessPolicies.CatalogRead)
            .WithName("GetEnrollment").WithSummary("One enrollment with its status and commission override.");
        enrollments.MapPost("/{eid:guid}/accept", EnrollmentEndpoints.AcceptAsync).RequireAccess(AccessPolicies.CatalogWrite)
            .WithName("AcceptInvitation").WithSummary("Records that the creator accepted; tracking then issues their link and promo code.");
        enrollments.MapPost("/{eid:guid}/decline", EnrollmentEndpoints.DeclineAsync).RequireAccess(AccessPolicies.CatalogWrite)
            .WithName("DeclineInvitation").WithSummary("Records that the creator declined the invitation.");
        enrollments.MapPost("/{eid:guid}/remove", EnrollmentEndpoints.RemoveAsync).RequireAccess(AccessPolicies.CatalogWrite)
            .WithName("RemoveEnrollment").WithSummary("Removes an active creator from the campaign; later orders earn them nothing.");
        enrollments.MapPut("/{eid:guid}/commission-override", EnrollmentEndpoints.SetOverrideAsync).RequireAccess(AccessPolicies.CatalogWrite)
            .WithName("SetCommissionOverride").WithSummary("Sets (or clears, with a null plan) the enrollment's own commission plan from effectiveFrom on; 202 with a pending proposal when it raises the commission and the brand's approval policy holds raises.");

        var proposals = enrollments.MapGroup("/{eid:guid}/commission-override/proposals");
        proposals.MapGet("/", OverrideProposalEndpoints.ListAsync).RequireAccess(AccessPolicies.CatalogRead)
            .WithName("ListCommissionOverrideProposals").WithSummary("The enrollment's raised overrides held for approval, newest first, optionally by status; cursor-paginated.");
        proposals.MapGet("/{pid:guid}", OverrideProposalEndpoints.GetAsync).RequireAccess(AccessPolicies.CatalogRead)
            .WithName("GetCommissionOverrideProposal").WithSummary("One held override with the approvals it has so far.");
        proposals.MapPost("/{pid:guid}/approve", OverrideProposalEndpoints.ApproveAsync).RequireAccess(AccessPolicies.CatalogWrite)
            .WithName("ApproveCommissionOverrideProposal").WithSummary("A member approves a pending override; with the last approval it needs, the override is set as PUT commission-override sets it. 403 naming the rule when this member may not (not a member, the requester or an earlier approver, or a key issued after the request or by one of them); 409 unless pending, when this member approved it already, or when the override can no longer be set (the enrollment ended, its effectiveFrom passed).");
        proposals.MapPost("/{pid:guid}/reject", OverrideProposalEndpoints.RejectAsync).RequireAccess(AccessPolicies.CatalogWrite)
            .WithName("RejectCommissionOverrideProposal").WithSummary("Rejects a pending override, with an optional note; the enrollment's commission stays as it is; 409 unless pending.");

        var deliverables = enrollments.MapGroup("/{eid:guid}/deliverables").WithTags("Deliverables");
        deliverables.MapPost("/", DeliverableEndpoints.CreateAsync).RequireAccess(AccessPolicies.CatalogWrite).Idempotent()
            .WithName("AssignDeliverable").WithSummary("Asks an active creator for a deliverable of a type by a due date.");
        deliverables.MapGet("/", DeliverableEndpoints.ListAsync).RequireAccess(AccessPolicies.CatalogRead)
            .WithName("ListDeliverables").WithSummary("The enrollment's deliverables by due date.");
        deliverables.MapPost("/{did:guid}/submit", DeliverableEndpoints.SubmitAsync).RequireAccess(AccessPolicies.CatalogWrite)
            .WithName("SubmitDeliverable").WithSummary("Records the URL of the published content for review.");
        deliverables.MapPost("/{did:guid}/approve", DeliverableEndpoints.ApproveAsync).RequireAccess(AccessPolicies.CatalogWrite)
            .WithName("ApproveDeliverable").WithSummary("Approves submitted content; the event carries the deliverable fee in force.");
        deliverables.MapPost("/{did:guid}/request-revision", DeliverableEndpoints.RequestRevisionAsync).RequireAccess(AccessPolicies.CatalogWrite)
            .WithName("RequestDeliverableRevision").WithSummary("Sends submitted content back for changes, with an optional note.");
        deliverables.MapPost("/{did:guid}/reject", DeliverableEndpoints.RejectAsync).RequireAccess(AccessPolicies.CatalogWrite)
            .WithName("RejectDeliverable").WithSummary("Rejects submitted content for good, with an optional note.");
    }
}

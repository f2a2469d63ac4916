using AmbassadorNet.Campaigns.Api.Posts;
using AmbassadorNet.Security;
using AmbassadorNet.ServiceDefaults.Idempotency;

namespace AmbassadorNet.Campaigns.Api.Me;

/// <summary>
/// The campaigns part of a creator's own API (<c>/api/me/...</c>, creator credentials only): their
/// invitations, enrollments, deliverables and posts. The creator is the token's, never the request's.
/// </summary>
public static class CreatorSelfApi
{
    public const string Tag = "Creator's own";

    public static void MapCreatorSelfApi(this IEndpointRouteBuilder app)
    {
        var enrollments = app.MapGroup("/api/me/enrollments").WithTags(Tag).RequireAccess(AccessPolicies.CreatorSelf);
        enrollments.MapGet("/", MyEnrollmentEndpoints.ListAsync)
            .WithName("ListMyEnrollments").WithSummary("The creator's invitations and enrollments with each campaign's brief and terms, newest first; cursor-paginated.");
        enrollments.MapGet("/{eid:guid}", MyEnrollmentEndpoints.GetAsync)
            .WithName("GetMyEnrollment").WithSummary("One of the creator's invitations or enrollments.");
        enrollments.MapPost("/{eid:guid}/accept", MyEnrollmentEndpoints.AcceptAsync)
            .WithName("AcceptMyInvitation").WithSummary("The creator accepts an invitation; tracking then issues their link and promo code.");
        enrollments.MapPost("/{eid:guid}/decline", MyEnrollmentEndpoints.DeclineAsync)
            .WithName("DeclineMyInvitation").WithSummary("The creator declines an invitation.");
        enrollments.MapGet("/{eid:guid}/deliverables", MyEnrollmentEndpoints.DeliverablesAsync)
            .WithName("ListMyDeliverables").WithSummary("What the creator owes in one enrollment, by due date.");
        enrollments.MapPost("/{eid:guid}/deliverables/{did:guid}/submit", MyEnrollmentEndpoints.SubmitAsync)
            .WithName("SubmitMyDeliverable").WithSummary("The creator submits the URL of published content for review (recording a post with deliverableId does this too).");

        var posts = app.MapGroup("/api/me/posts").WithTags(Tag).RequireAccess(AccessPolicies.CreatorSelf);
        posts.MapPost("/", PostEndpoints.RecordAsync).Idempotent()
            .WithName("RecordMyPost").WithSummary("The creator records a post of one of their active enrollments; with a deliverableId it also submits that deliverable.");
        posts.MapGet("/", PostEndpoints.ListAsync)
            .WithName("ListMyPosts").WithSummary("The creator's posts, latest published first, with the filters of the brand's list; cursor-paginated.");
        posts.MapGet("/{id:guid}", PostEndpoints.GetAsync)
            .WithName("GetMyPost").WithSummary("One of the creator's posts.");
        posts.MapPost("/{id:guid}/metrics", MetricEndpoints.RecordAsync).Idempotent()
            .WithName("RecordMyPostMetrics").WithSummary("The creator reports a post's lifetime counts at a time; a UTC day keeps its latest snapshot.");
        posts.MapGet("/{id:guid}/metrics", MetricEndpoints.GetAsync)
            .WithName("GetMyPostMetrics").WithSummary("The post's snapshot per day with increments, its latest counts and engagement rate.");
    }
}

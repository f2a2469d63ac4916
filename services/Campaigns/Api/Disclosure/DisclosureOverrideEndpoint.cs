using System.Security.Claims;
using AmbassadorNet.Campaigns.Api.Posts;
using AmbassadorNet.Campaigns.Api.UsageRights;
using AmbassadorNet.Campaigns.Domain.Disclosure;
using AmbassadorNet.Security;

namespace AmbassadorNet.Campaigns.Api.Disclosure;

/// <summary>A manager accepts a post whose disclosure is missing, with a note; its deliverable can then be approved.</summary>
internal static class DisclosureOverrideEndpoint
{
    public static async Task<Ok<PostView>> OverrideAsync(Guid id, DisclosureOverrideRequest request, ClaimsPrincipal user, CampaignsDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var note = request.Note?.Trim();
        new FieldErrors().Check(note is { Length: >= 1 and <= PostDisclosure.MaxNote }, "note", $"Why the brand accepts the post without a disclosure, 1 to {PostDisclosure.MaxNote} characters.")
            .ThrowIfAny();
        var post = await db.LoadPostAsync(id, ct);
        post.OverrideDisclosure(note!, user.GetApiKeyId(), clock.GetUtcNow());
        db.AddEvent(DisclosureEventFactory.Overridden(post), clock);
        await db.SaveAsync(ct);
        return TypedResults.Ok(await db.PostViewAsync(post, clock, ct));
    }
}

using AmbassadorNet.Campaigns.Domain.Posts;

namespace AmbassadorNet.Campaigns.Domain.Disclosure;

/// <summary>A post's disclosure: the check's answer stored when it is recorded, and a manager's override of a missing one.</summary>
public static class PostDisclosure
{
    public const int MaxNote = 1000;

    public static void Record(this Post post, DisclosureResult result) =>
        (post.DisclosureStatus, post.DisclosureMarker, post.DisclosureByLabel, post.DisclosureReason) = (result.Status, result.Marker, result.ByLabel, result.Reason);

    /// <summary>Only a missing disclosure is overridden; anything else is 409 saying what it is.</summary>
    public static void OverrideDisclosure(this Post post, string note, Guid? apiKeyId, DateTimeOffset now)
    {
        var refusal = post.DisclosureStatus switch
        {
            DisclosureStatus.Missing => null,
            DisclosureStatus.Disclosed when post.DisclosureByLabel => "The post is already disclosed by the platform's paid-partnership label; there is nothing to override.",
            DisclosureStatus.Disclosed => $"The post is already disclosed by the marker {post.DisclosureMarker}; there is nothing to override.",
            DisclosureStatus.Overridden => $"The post's missing disclosure was already overridden at {post.DisclosureOverriddenAt:yyyy-MM-dd HH:mm:ss} UTC" +
                                           (post.DisclosureOverrideApiKeyId is { } key ? $" by API key {key}." : "."),
            _ => "The post was recorded before disclosures were checked (status unchecked); it does not block approval, so there is nothing to override.",
        };
        if (refusal is not null)
        {
            throw new ConflictException(refusal);
        }

        (post.DisclosureStatus, post.DisclosureOverrideNote, post.DisclosureOverrideApiKeyId, post.DisclosureOverriddenAt) = (DisclosureStatus.Overridden, note, apiKeyId, now);
        post.UpdatedAt = now;
        post.Version++;
    }

    /// <summary>The 409 detail when approving a deliverable whose post is missing its disclosure.</summary>
    public static string ApprovalRefusal(Guid postId, string? reason) =>
        $"{reason} A manager can accept it with POST /api/posts/{postId}/disclosure-override and a note; then approve again.";
}

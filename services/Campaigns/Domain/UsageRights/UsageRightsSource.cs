namespace AmbassadorNet.Campaigns.Domain.UsageRights;

/// <summary>Where a post's effective usage rights come from.</summary>
public enum UsageRightsSource
{
    /// <summary>The post's own grants (PUT /api/posts/{id}/usage-rights).</summary>
    Post,

    /// <summary>The latest accepted version of its enrollment's agreement.</summary>
    Agreement,
}

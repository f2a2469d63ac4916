namespace AmbassadorNet.Campaigns.Domain;

/// <summary>
/// Content a creator owes: Pending → Submitted → Approved | RevisionRequested | Rejected, and a
/// revision is submitted again. The fee is fixed when approved, from the terms then in force.
/// </summary>
public sealed class Deliverable : BrandOwnedEntity, ICreatorOwned
{
    public Guid CampaignId { get; set; }

    public Guid EnrollmentId { get; set; }

    public Guid CreatorId { get; set; }

    public DeliverableType Type { get; set; }

    public DateOnly DueDate { get; set; }

    public DeliverableStatus Status { get; set; }

    [PersonalData]
    public string? SubmittedUrl { get; set; }

    /// <summary>The recorded post last submitted for this deliverable (null for a bare URL): its fee is that post's cost.</summary>
    public Guid? PostId { get; set; }

    public DateTimeOffset? SubmittedAt { get; set; }

    public string? ReviewNote { get; set; }

    public decimal? FeeAmount { get; set; }

    public string? FeeCurrency { get; set; }

    public long Version { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <param name="postId">The post recorded with the submission; null when the content is a bare URL.</param>
    public void Submit(string url, DateTimeOffset now, Guid? postId = null)
    {
        Move(now, DeliverableStatus.Submitted, "submit", DeliverableStatus.Pending, DeliverableStatus.RevisionRequested);
        (SubmittedUrl, SubmittedAt, ReviewNote, PostId) = (url, now, null, postId);
    }

    public void Approve(decimal? fee, string? currency, DateTimeOffset now)
    {
        Move(now, DeliverableStatus.Approved, "approve", DeliverableStatus.Submitted);
        (FeeAmount, FeeCurrency) = fee is > 0 ? (fee, currency) : (null, null);
    }

    public void RequestRevision(string? note, DateTimeOffset now)
    {
        Move(now, DeliverableStatus.RevisionRequested, "request a revision of", DeliverableStatus.Submitted);
        ReviewNote = note;
    }

    public void Reject(string? note, DateTimeOffset now)
    {
        Move(now, DeliverableStatus.Rejected, "reject", DeliverableStatus.Submitted);
        ReviewNote = note;
    }

    /// <summary>The creator was erased: the URL of their content (it often names them) goes; status and fee stay.</summary>
    public void EraseContent(DateTimeOffset now)
    {
        (SubmittedUrl, UpdatedAt) = (null, now);
        Version++;
    }

    private void Move(DateTimeOffset now, DeliverableStatus to, string action, params DeliverableStatus[] from)
    {
        if (!from.Contains(Status))
        {
            throw new ConflictException($"Cannot {action} a deliverable that is {Status.ToString().ToLowerInvariant()}.");
        }

        Status = to;
        Version++;
        UpdatedAt = now;
    }
}

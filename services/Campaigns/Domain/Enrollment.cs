using AmbassadorNet.Campaigns.Domain.Exclusivity;

namespace AmbassadorNet.Campaigns.Domain;

/// <summary>
/// A creator in a campaign: Invited → Active | Declined; Active → Removed; Invited or Active →
/// Ended when the creators service suspends, offboards or erases the creator. One per campaign and
/// creator. Each change bumps <see cref="Version"/> and publishes one event.
/// </summary>
public sealed class Enrollment : BrandOwnedEntity, ICreatorOwned
{
    public Guid CampaignId { get; set; }

    public Guid CreatorId { get; set; }

    public EnrollmentStatus Status { get; set; }

    /// <summary>Replaces the campaign's plan for this enrollment from <see cref="OverrideEffectiveFrom"/>.</summary>
    public Plan? CommissionOverride { get; set; }

    public DateTimeOffset? OverrideEffectiveFrom { get; set; }

    /// <summary>Why it is over: declined, removed, creator_suspended, creator_offboarded, creator_erased.</summary>
    public string? EndReason { get; set; }

    /// <summary>The exclusivity promises the invitation conflicted with, when the brand's policy flags rather than refuses; null for none.</summary>
    public List<ExclusivityConflict>? ExclusivityConflicts { get; set; }

    public long Version { get; set; }

    public DateTimeOffset InvitedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public bool IsCurrent => Status is EnrollmentStatus.Invited or EnrollmentStatus.Active;

    public static Enrollment Invite(Guid id, Guid brand, Guid campaign, Guid creator, DateTimeOffset now, IReadOnlyList<ExclusivityConflict>? conflicts = null) => new()
    {
        Id = id, BrandId = brand, CampaignId = campaign, CreatorId = creator, Status = EnrollmentStatus.Invited, Version = 1, InvitedAt = now, UpdatedAt = now,
        ExclusivityConflicts = conflicts is { Count: > 0 } ? [.. conflicts] : null,
    };

    public void Accept(DateTimeOffset now) => Move(now, EnrollmentStatus.Active, "accept", null, EnrollmentStatus.Invited);

    public void Decline(DateTimeOffset now) => Move(now, EnrollmentStatus.Declined, "decline", "declined", EnrollmentStatus.Invited);

    public void Remove(DateTimeOffset now) => Move(now, EnrollmentStatus.Removed, "remove", "removed", EnrollmentStatus.Active);

    /// <summary>The creator can no longer take part; <paramref name="reason"/> says why.</summary>
    public void EndBecause(string reason, DateTimeOffset now) =>
        Move(now, EnrollmentStatus.Ended, "end", reason, EnrollmentStatus.Invited, EnrollmentStatus.Active);

    public void SetOverride(Plan? plan, DateTimeOffset effectiveFrom, DateTimeOffset now)
    {
        EnsureOverrideCanChange(effectiveFrom, now);
        (CommissionOverride, OverrideEffectiveFrom) = (plan, effectiveFrom);
        Touch(now);
    }

    /// <summary>409 unless an override from <paramref name="effectiveFrom"/> could be set now (checked again by <see cref="SetOverride"/>).</summary>
    public void EnsureOverrideCanChange(DateTimeOffset effectiveFrom, DateTimeOffset now)
    {
        if (!IsCurrent)
        {
            throw new ConflictException($"The enrollment is {Status.ToString().ToLowerInvariant()}; its commission can no longer change.");
        }

        if (effectiveFrom < now || effectiveFrom < OverrideEffectiveFrom)
        {
            throw new ConflictException("A commission override changes only forward in time: effectiveFrom must be now or later.");
        }
    }

    private void Move(DateTimeOffset now, EnrollmentStatus to, string action, string? reason, params EnrollmentStatus[] from)
    {
        if (!from.Contains(Status))
        {
            throw new ConflictException($"Cannot {action} an enrollment that is {Status.ToString().ToLowerInvariant()}.");
        }

        (Status, EndReason) = (to, reason);
        Touch(now);
    }

    private void Touch(DateTimeOffset now)
    {
        Version++;
        UpdatedAt = now;
    }
}

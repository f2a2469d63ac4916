using AmbassadorNet.Campaigns.Domain.UsageRights;

namespace AmbassadorNet.Campaigns.Domain.Agreements;

/// <summary>
/// One version of the terms of an enrollment that its creator accepts: the full document (terms text or
/// a filled template, and an appendix of what is owed, the fee, the commission reference and any
/// exclusivity) and the SHA-256 of it. Acceptance records when, with which credential and that the
/// creator confirmed this hash. Erasing the creator removes the document and the filled-in fields and
/// keeps the evidence: version, hash, times, credential.
/// </summary>
public sealed class Agreement : BrandOwnedEntity, ICreatorOwned
{
    public Guid CampaignId { get; set; }

    public Guid EnrollmentId { get; set; }

    public Guid CreatorId { get; set; }

    /// <summary>1 for the enrollment's first agreement, then one more per version sent.</summary>
    public int AgreementVersion { get; set; }

    public AgreementStatus Status { get; set; }

    public Guid? TemplateId { get; set; }

    /// <summary>The exact document the creator was sent (UTF-8); null once the creator is erased.</summary>
    [PersonalData]
    public string? Text { get; set; }

    /// <summary>The values filled into the template; null once the creator is erased.</summary>
    [PersonalData]
    public Dictionary<string, string>? Fields { get; set; }

    /// <summary>Lower-case hex SHA-256 of <see cref="Text"/>'s UTF-8 bytes; kept after erasure as evidence.</summary>
    public string TextSha256 { get; set; } = "";

    public List<OwedDeliverable> DeliverablesOwed { get; set; } = [];

    public decimal? FeeAmount { get; set; }

    public string? FeeCurrency { get; set; }

    /// <summary>The campaign's terms version whose commission plan the agreement refers to (null before launch).</summary>
    public int? CommissionTermsVersion { get; set; }

    /// <summary>Product categories the creator promises not to promote competitors in, within the window below.</summary>
    public List<string> ExclusivityCategories { get; set; } = [];

    public DateOnly? ExclusiveFrom { get; set; }

    public DateOnly? ExclusiveUntil { get; set; }

    /// <summary>The usage rights this version grants; its posts inherit them once it is accepted (<see cref="EffectiveUsageRights"/>).</summary>
    public List<UsageGrant> UsageRights { get; set; } = [];

    public DateTimeOffset SentAt { get; set; }

    public Guid? SentByKeyId { get; set; }

    /// <summary>Unaccepted by then, the version expires.</summary>
    public DateTimeOffset AcceptBy { get; set; }

    public DateTimeOffset? AcceptedAt { get; set; }

    /// <summary>The creator credential (API key id) the acceptance came with.</summary>
    public Guid? AcceptedWithKeyId { get; set; }

    /// <summary>When it was superseded or expired.</summary>
    public DateTimeOffset? ClosedAt { get; set; }

    public bool Erased { get; set; }

    public long Version { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The creator accepts this version, having seen the text whose hash is <paramref name="confirmedSha256"/>.</summary>
    public void Accept(string confirmedSha256, Guid? keyId, DateTimeOffset now)
    {
        if (Status != AgreementStatus.Sent)
        {
            throw new ConflictException(Status switch
            {
                AgreementStatus.Accepted => $"Version {AgreementVersion} was already accepted on {AcceptedAt:yyyy-MM-dd HH:mm} UTC.",
                AgreementStatus.Superseded => $"Version {AgreementVersion} was replaced by a newer version; accept that one.",
                _ => $"Version {AgreementVersion} expired on {ClosedAt ?? AcceptBy:yyyy-MM-dd HH:mm} UTC unaccepted; ask the brand to send it again.",
            });
        }

        if (now > AcceptBy)
        {
            throw new ConflictException($"Version {AgreementVersion} could be accepted until {AcceptBy:yyyy-MM-dd HH:mm} UTC; ask the brand to send it again.");
        }

        if (!string.Equals(confirmedSha256, TextSha256, StringComparison.Ordinal))
        {
            throw new ConflictException($"The text of version {AgreementVersion} has SHA-256 {TextSha256}, not the {confirmedSha256} you confirmed: download it again and read what you accept.");
        }

        (Status, AcceptedAt, AcceptedWithKeyId) = (AgreementStatus.Accepted, now, keyId);
        Touch(now);
    }

    /// <summary>A newer version was sent while this one waited.</summary>
    public void Supersede(DateTimeOffset now)
    {
        (Status, ClosedAt) = (AgreementStatus.Superseded, now);
        Touch(now);
    }

    public void Expire(DateTimeOffset now)
    {
        (Status, ClosedAt) = (AgreementStatus.Expired, now);
        Touch(now);
    }

    /// <summary>The creator was erased: the document and the fields go (they name the person); hash, version, times and credential stay.</summary>
    public void Erase(DateTimeOffset now)
    {
        (Text, Fields, Erased) = (null, null, true);
        Touch(now);
    }

    private void Touch(DateTimeOffset now)
    {
        Version++;
        UpdatedAt = now;
    }
}

/// <summary>How many deliverables of a type the agreement asks for.</summary>
public sealed record OwedDeliverable(DeliverableType Type, int Count);

namespace AmbassadorNet.Campaigns.Domain;

/// <summary>
/// A brand's campaign. Every change after launch goes through a method here, bumps
/// <see cref="Version"/> (consumers ignore stale events by it; EF refuses concurrent writes with it),
/// and the caller publishes exactly one event for it. Drafts are private: no events until launch.
/// </summary>
public sealed class Campaign : BrandOwnedEntity
{
    public string Name { get; set; } = "";

    public Objective? Objective { get; set; }

    public CampaignStatus Status { get; set; }

    public bool AlwaysOn { get; set; } = true;

    public DateTimeOffset? StartsAt { get; set; }

    public DateTimeOffset? EndsAt { get; set; }

    /// <summary>In the terms' currency.</summary>
    public decimal? Budget { get; set; }

    public List<string> TargetNiches { get; set; } = [];

    public List<string> TargetTiers { get; set; } = [];

    public List<string> TargetCountries { get; set; } = [];

    public List<string> KeyMessages { get; set; } = [];

    public List<string> MustAvoid { get; set; } = [];

    /// <summary>Such as "#ad".</summary>
    public string? RequiredDisclosure { get; set; }

    /// <summary>What the campaign promotes, as a slug ("energy-drinks"); null never conflicts with a creator's exclusivity.</summary>
    public string? ProductCategory { get; set; }

    /// <summary>The latest terms, which may be scheduled to start later; <see cref="TermsVersion"/> 0 while a draft.</summary>
    public Terms Terms { get; set; } = Terms.Empty;

    public int TermsVersion { get; set; }

    public DateTimeOffset? TermsEffectiveFrom { get; set; }

    public IReadOnlyList<Quota> Quotas { get; set; } = [];

    public long Version { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public bool IsLaunched => Status is not CampaignStatus.Draft;

    /// <summary>Live: the first terms version starts now. Completeness is checked by the caller (<see cref="CampaignRules.Completeness"/>).</summary>
    public CampaignTermsVersion Launch(DateTimeOffset now, Guid versionId)
    {
        if (Status != CampaignStatus.Draft)
        {
            throw new ConflictException($"Cannot launch a campaign that is {Status.ToString().ToLowerInvariant()}.");
        }

        Status = CampaignStatus.Active;
        return NewTermsVersion(Terms, now, now, versionId); // one version bump for status and terms together
    }

    public void Pause(DateTimeOffset now) => Move(now, CampaignStatus.Paused, "pause", CampaignStatus.Active);

    public void Resume(DateTimeOffset now) => Move(now, CampaignStatus.Active, "resume", CampaignStatus.Paused);

    public void End(DateTimeOffset now) => Move(now, CampaignStatus.Ended, "end", CampaignStatus.Active, CampaignStatus.Paused);

    /// <summary>New terms for orders from <paramref name="effectiveFrom"/> on; earlier orders keep theirs.</summary>
    public CampaignTermsVersion ChangeTerms(Terms terms, DateTimeOffset effectiveFrom, DateTimeOffset now, Guid versionId)
    {
        if (Status is CampaignStatus.Draft or CampaignStatus.Ended)
        {
            throw new ConflictException($"Terms of a {Status.ToString().ToLowerInvariant()} campaign are not versioned; only a launched, not ended campaign's are.");
        }

        if (terms.Currency != Terms.Currency)
        {
            throw new ConflictException("The currency of a launched campaign cannot change: amounts already earned are in it.");
        }

        if (effectiveFrom < now || effectiveFrom < TermsEffectiveFrom)
        {
            throw new ConflictException("Terms change only forward in time: effectiveFrom must be now or later, and not before the latest terms.");
        }

        return NewTermsVersion(terms, effectiveFrom, now, versionId);
    }

    public void Touch(DateTimeOffset now)
    {
        Version++;
        UpdatedAt = now;
    }

    private CampaignTermsVersion NewTermsVersion(Terms terms, DateTimeOffset effectiveFrom, DateTimeOffset now, Guid versionId)
    {
        (Terms, TermsVersion, TermsEffectiveFrom) = (terms, TermsVersion + 1, effectiveFrom);
        Touch(now);
        return new CampaignTermsVersion
        {
            Id = versionId, BrandId = BrandId, CampaignId = Id, TermsVersion = TermsVersion, EffectiveFrom = effectiveFrom, Terms = terms, RecordedAt = now,
        };
    }

    private void Move(DateTimeOffset now, CampaignStatus to, string action, params CampaignStatus[] from)
    {
        if (!from.Contains(Status))
        {
            throw new ConflictException($"Cannot {action} a campaign that is {Status.ToString().ToLowerInvariant()}.");
        }

        Status = to;
        Touch(now);
    }
}

/// <summary>One version of a campaign's terms, kept for good so "the terms in force at time T" stays answerable.</summary>
public sealed class CampaignTermsVersion : BrandOwnedEntity, ITermsVersion
{
    public Guid CampaignId { get; set; }

    public int TermsVersion { get; set; }

    public DateTimeOffset EffectiveFrom { get; set; }

    public Terms Terms { get; set; } = Terms.Empty;

    public DateTimeOffset RecordedAt { get; set; }
}

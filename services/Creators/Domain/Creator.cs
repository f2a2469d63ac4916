namespace AmbassadorNet.Creators.Domain;

/// <summary>
/// An ambassador of one brand. Every change goes through a method here, bumps <see cref="Version"/>
/// (which consumers use to ignore stale events, and EF uses to refuse concurrent writes), and the
/// caller publishes exactly one event for it.
/// </summary>
[DataSubject(DataSubjectKind.Creator)]
public sealed class Creator : IBrandOwned
{
    public const string ErasedName = "Erased creator";

    public Guid Id { get; set; }

    public Guid BrandId { get; set; }

    [PersonalData]
    public string DisplayName { get; set; } = "";

    [PersonalData]
    public string? Email { get; set; }

    /// <summary>Lower-cased email: uniqueness per brand is case-insensitive.</summary>
    [PersonalData]
    public string? EmailNormalized { get; set; }

    /// <summary>ISO 3166-1 alpha-2, upper case.</summary>
    public string Country { get; set; } = "";

    public List<string> Niches { get; set; } = [];

    public CreatorStatus Status { get; set; }

    public Tier Tier { get; set; }

    /// <summary>The largest following across accounts: what the tier is derived from.</summary>
    public long Followers { get; set; }

    public decimal? EngagementRate { get; set; }

    public long Version { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? ErasedAt { get; set; }

    public List<SocialAccount> Accounts { get; set; } = [];

    public PayoutProfile? PayoutProfile { get; set; }

    public bool IsErased => ErasedAt is not null;

    public void Approve(DateTimeOffset now) => Move(now, CreatorStatus.Approved, "approve", CreatorStatus.Applied);

    public void Reject(DateTimeOffset now) => Move(now, CreatorStatus.Rejected, "reject", CreatorStatus.Applied);

    public void Suspend(DateTimeOffset now) => Move(now, CreatorStatus.Suspended, "suspend", CreatorStatus.Approved);

    public void Reinstate(DateTimeOffset now) => Move(now, CreatorStatus.Approved, "reinstate", CreatorStatus.Suspended);

    public void Offboard(DateTimeOffset now) =>
        Move(now, CreatorStatus.Offboarded, "offboard", CreatorStatus.Applied, CreatorStatus.Approved, CreatorStatus.Rejected, CreatorStatus.Suspended);

    public void UpdateProfile(string? displayName, string? email, string? country, IReadOnlyList<string>? niches, DateTimeOffset now)
    {
        EnsureNotErased("update");
        DisplayName = displayName ?? DisplayName;
        if (email is not null)
        {
            (Email, EmailNormalized) = (email, NormalizeEmail(email));
        }

        Country = country ?? Country;
        Niches = niches?.ToList() ?? Niches;
        Touch(now);
    }

    public void SetPayoutProfile(PayoutMethod method, string currency, string payeeReference, TaxFormStatus taxForm, DateTimeOffset now)
    {
        EnsureNotErased("change the payout profile of");
        PayoutProfile ??= new PayoutProfile { CreatorId = Id };
        (PayoutProfile.Method, PayoutProfile.Currency, PayoutProfile.PayeeReference, PayoutProfile.TaxFormStatus, PayoutProfile.UpdatedAt) =
            (method, currency, payeeReference, taxForm, now);
        Touch(now);
    }

    /// <summary>
    /// Scrubs personal data on request: name, email, handles, profile links and the payee
    /// reference. Ids, figures and the history stay, because the ledger and analytics need them.
    /// </summary>
    public void Erase(DateTimeOffset now)
    {
        EnsureNotErased("erase");
        (DisplayName, Email, EmailNormalized, ErasedAt, Status) = (ErasedName, null, null, now, CreatorStatus.Offboarded);
        foreach (var account in Accounts)
        {
            (account.Handle, account.HandleNormalized, account.Url) = ($"erased-{account.Id:N}", $"erased-{account.Id:N}", null);
        }

        if (PayoutProfile is not null)
        {
            PayoutProfile.PayeeReference = null;
        }

        Touch(now);
    }

    public static string NormalizeEmail(string email) => email.Trim().ToLowerInvariant();

    internal void Touch(DateTimeOffset now)
    {
        Version++;
        UpdatedAt = now;
    }

    internal void EnsureNotErased(string action)
    {
        if (IsErased)
        {
            throw new ConflictException($"Cannot {action} creator {Id}: their personal data was erased.");
        }
    }

    private void Move(DateTimeOffset now, CreatorStatus to, string action, params CreatorStatus[] from)
    {
        EnsureNotErased(action);
        if (!from.Contains(Status))
        {
            throw new ConflictException($"Cannot {action} a creator who is {Status.ToString().ToLowerInvariant()}.");
        }

        Status = to;
        Touch(now);
    }
}

namespace AmbassadorNet.Webhooks.Domain;

/// <summary>A brand's URL that receives some (or all) public events, signed with its secret.</summary>
public sealed class WebhookSubscription : IBrandOwned
{
    /// <summary>Stands for every event type, including ones added later.</summary>
    public const string AllEvents = "*";

    public Guid Id { get; set; }

    public Guid BrandId { get; set; }

    public string Url { get; set; } = "";

    public string? Description { get; set; }

    public List<string> EventTypes { get; set; } = [];

    public SubscriptionStatus Status { get; set; }

    /// <summary>The signing secret, protected (Secrets.SigningSecretProtector): the database never holds it readable.</summary>
    [AuditSecret]
    public string Secret { get; set; } = "";

    /// <summary>The secret before the last rotation, protected; it keeps signing until <see cref="PreviousSecretExpiresAt"/>.</summary>
    [AuditSecret]
    public string? PreviousSecret { get; set; }

    public DateTimeOffset? PreviousSecretExpiresAt { get; set; }

    /// <summary>Deliveries that failed for good since the last success.</summary>
    public int ConsecutiveFailures { get; set; }

    public string? DisabledReason { get; set; }

    public DateTimeOffset? DisabledAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public bool Receives(string eventType) => EventTypes.Contains(AllEvents) || EventTypes.Contains(eventType);

    /// <summary>The (protected) secrets that sign a message sent at <paramref name="now"/>: the current one, and the previous one during the overlap.</summary>
    public IReadOnlyList<string> SigningSecrets(DateTimeOffset now) =>
        PreviousSecret is not null && PreviousSecretExpiresAt > now ? [Secret, PreviousSecret] : [Secret];

    public void RotateSecret(string newSecret, DateTimeOffset now, TimeSpan overlap)
    {
        PreviousSecret = Secret;
        PreviousSecretExpiresAt = now + overlap;
        Secret = newSecret;
        UpdatedAt = now;
    }

    public void Disable(string reason, DateTimeOffset now)
    {
        Status = SubscriptionStatus.Disabled;
        DisabledReason = reason;
        DisabledAt = now;
        UpdatedAt = now;
    }
}

namespace AmbassadorNet.Webhooks.Domain;

public enum SubscriptionStatus
{
    Active,
    Disabled,
    Deleted,
}

public enum DeliveryStatus
{
    /// <summary>Waiting for its next attempt (or being attempted under a lease).</summary>
    Pending,
    Succeeded,
    Failed,

    /// <summary>The subscription was deleted or disabled before the delivery succeeded.</summary>
    Cancelled,
}

/// <summary>What one attempt led to.</summary>
public enum AttemptOutcome
{
    Succeeded,
    RetryScheduled,
    Failed,

    /// <summary>410 Gone: the receiver asked us to stop; the subscription is disabled.</summary>
    Gone,
}

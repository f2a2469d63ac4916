namespace AmbassadorNet.Campaigns.Domain.Agreements;

/// <summary>Sent → Accepted | Superseded (a newer version was sent first) | Expired (not accepted by its deadline).</summary>
public enum AgreementStatus
{
    Sent,
    Accepted,
    Superseded,
    Expired,
}

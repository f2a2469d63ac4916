namespace AmbassadorNet.Security;

/// <summary>
/// The role table of the design, declared once. The gateway authorizes with it and every service
/// registers each row as an authorization policy of the same name, so a test can compare the two.
/// </summary>
public static class AccessPolicies
{
    public static readonly AccessPolicy ApiKeys = new(nameof(ApiKeys), [Roles.Admin]);

    /// <summary>A brand's people (members) and their roles.</summary>
    public static readonly AccessPolicy Members = new(nameof(Members), [Roles.Admin]);

    /// <summary>Creators, campaigns, links, promo codes: read.</summary>
    public static readonly AccessPolicy CatalogRead = new(nameof(CatalogRead), [Roles.Admin, Roles.Manager, Roles.Finance, Roles.Analyst]);

    /// <summary>Creators, campaigns, links, promo codes: write.</summary>
    public static readonly AccessPolicy CatalogWrite = new(nameof(CatalogWrite), [Roles.Admin, Roles.Manager]);

    /// <summary>Creators' payout profiles: write.</summary>
    public static readonly AccessPolicy PayoutProfileWrite = new(nameof(PayoutProfileWrite), [Roles.Admin, Roles.Finance]);

    /// <summary>POST conversions and refunds.</summary>
    public static readonly AccessPolicy ConversionsWrite = new(nameof(ConversionsWrite), [Roles.Admin, Roles.Partner]);

    public static readonly AccessPolicy ConversionsRead = new(nameof(ConversionsRead), [Roles.Admin, Roles.Manager, Roles.Finance, Roles.Analyst]);

    /// <summary>Stored clicks, one by one: the rows a ClicksCounted event counts (so also the brand's event consumers).</summary>
    public static readonly AccessPolicy ClicksRead = new(nameof(ClicksRead), [Roles.Admin, Roles.Manager, Roles.Finance, Roles.Analyst, Roles.Events]);

    /// <summary>Ledger and payouts: read.</summary>
    public static readonly AccessPolicy LedgerRead = new(nameof(LedgerRead), [Roles.Admin, Roles.Finance]);

    /// <summary>Payout runs, settings, holds, adjustments, approvals, settlements.</summary>
    public static readonly AccessPolicy PayoutsManage = new(nameof(PayoutsManage), [Roles.Finance, Roles.Admin]);

    /// <summary>The brand's approval policy: how many members approve what. Not finance's own: it would set the bar for its own requests.</summary>
    public static readonly AccessPolicy ApprovalPolicyWrite = new(nameof(ApprovalPolicyWrite), [Roles.Admin]);

    public static readonly AccessPolicy AnalyticsRead = new(nameof(AnalyticsRead), [Roles.Admin, Roles.Manager, Roles.Finance, Roles.Analyst]);

    /// <summary>What a brand enters into analytics itself: its paid-ad days.</summary>
    public static readonly AccessPolicy AnalyticsWrite = new(nameof(AnalyticsWrite), [Roles.Admin, Roles.Manager]);

    public static readonly AccessPolicy Webhooks = new(nameof(Webhooks), [Roles.Admin]);

    /// <summary>The audit trail: its entries, anchors and verification (who changed what, for finance and security).</summary>
    public static readonly AccessPolicy AuditRead = new(nameof(AuditRead), [Roles.Admin, Roles.Finance]);

    /// <summary>The brand's event stream (partner gRPC API).</summary>
    public static readonly AccessPolicy EventsRead = new(nameof(EventsRead), [Roles.Admin, Roles.Events]);

    /// <summary>A creator's own records through a creator credential (<c>/api/me/...</c>): the creator comes from the token, never from the request.</summary>
    public static readonly AccessPolicy CreatorSelf = new(nameof(CreatorSelf), [Roles.Creator]);

    /// <summary>Ops endpoints (re-publishing events, error queues, parked messages): the system operator only.</summary>
    public static readonly AccessPolicy Operations = new(nameof(Operations), [Roles.Operator]);

    public static IReadOnlyList<AccessPolicy> All { get; } =
    [
        ApiKeys, Members, CatalogRead, CatalogWrite, PayoutProfileWrite, ConversionsWrite, ConversionsRead, ClicksRead,
        LedgerRead, PayoutsManage, ApprovalPolicyWrite, AnalyticsRead, AnalyticsWrite, Webhooks, AuditRead, EventsRead, CreatorSelf, Operations,
    ];

    public static AccessPolicy? Find(string name) => All.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal));
}

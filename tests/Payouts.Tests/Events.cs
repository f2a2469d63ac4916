using AmbassadorNet.Contracts;
using AmbassadorNet.Contracts.Campaigns;
using AmbassadorNet.Contracts.Creators;
using AmbassadorNet.Contracts.Tracking;

namespace Payouts.Tests;

/// <summary>Other services' events as payouts receives them: campaigns (terms, enrollments, deliverables) and tracking (conversions).</summary>
public static class Events
{
    public static CommissionPlan Percent(decimal percent) => new("percent", percent, null, []);

    public static CommissionPlan Flat(decimal amount) => new("flat", null, amount, []);

    public static CommissionPlan Tiered(params CommissionTier[] tiers) => new("tiered", null, null, tiers);

    /// <summary>10 % for a creator's first 20 conversions of a month, 15 % from the 21st.</summary>
    public static CommissionPlan TenThenFifteen => Tiered(new CommissionTier(1, 10m, null), new CommissionTier(21, 15m, null));

    public static CampaignTerms Terms(int version, DateTimeOffset effectiveFrom, CommissionPlan plan, int holdingDays = 30, string currency = "USD", decimal? fee = null) =>
        new(version, effectiveFrom, currency, 30, holdingDays, plan, "https://shop.example.com", ["example.com"], null, fee);

    public static CampaignState State(Guid campaignId, CampaignTerms terms, string status = "active") =>
        new(campaignId, "Spring Box", "sales", status, null, null, null, terms);

    public static CampaignLaunched Launched(Guid brand, Guid campaignId, CampaignTerms terms) =>
        new(brand, terms.EffectiveFrom, campaignId, 2, State(campaignId, terms));

    public static CampaignTermsChanged TermsChanged(Guid brand, Guid campaignId, long version, CampaignTerms terms, CampaignTerms previous) =>
        new(brand, terms.EffectiveFrom, campaignId, version, State(campaignId, terms), previous);

    public static CreatorEnrolled Enrolled(Guid brand, Guid campaignId, Guid enrollmentId, Guid creatorId, DateTimeOffset at) =>
        new(brand, at, enrollmentId, 2, new EnrollmentState(enrollmentId, campaignId, creatorId, "active", null, null), "@jane");

    public static EnrollmentTermsChanged OverrideSet(Guid brand, Guid campaignId, Guid enrollmentId, Guid creatorId, long version, CommissionPlan? plan, DateTimeOffset from) =>
        new(brand, from, enrollmentId, version, new EnrollmentState(enrollmentId, campaignId, creatorId, "active", plan, from));

    public static ConversionAttributed Attributed(
        Guid brand, Guid conversionId, Guid campaignId, Guid enrollmentId, Guid creatorId, decimal amount, DateTimeOffset orderedAt, int rank, string currency = "USD") =>
        new(brand, orderedAt, conversionId, $"order-{conversionId:N}", enrollmentId, campaignId, creatorId, new MoneyAmount(amount, currency),
            "promo_code", "JANE10", null, null, orderedAt, rank, null, []);

    public static ConversionReversed Refunded(
        Guid brand, Guid conversionId, string refundId, decimal refund, decimal cumulative, decimal order, Guid? campaignId, Guid? enrollmentId, Guid? creatorId, string currency = "USD") =>
        new(brand, DateTimeOffset.UtcNow, conversionId, $"order-{conversionId:N}", refundId, new MoneyAmount(refund, currency), new MoneyAmount(cumulative, currency),
            new MoneyAmount(order, currency), cumulative >= order, DateTimeOffset.UtcNow, enrollmentId, campaignId, creatorId);

    public static DeliverableApproved Approved(Guid brand, Guid deliverableId, Guid campaignId, Guid enrollmentId, Guid creatorId, decimal? fee, string currency = "USD") =>
        new(brand, DateTimeOffset.UtcNow, deliverableId, 3,
            new DeliverableState(deliverableId, enrollmentId, campaignId, creatorId, "post", DateOnly.FromDateTime(DateTime.UtcNow), "approved", "https://social.example/p/1"),
            fee is null ? null : new MoneyAmount(fee.Value, currency));

    public static CreatorPayoutProfileUpdated PayoutProfile(
        Guid brand, Guid creatorId, long version, string currency = "USD", string taxForm = "verified", bool complete = true, string? reference = null) =>
        new(brand, DateTimeOffset.UtcNow, creatorId, version, "bank_transfer", currency, reference ?? $"payee-{creatorId:N}", taxForm, complete);
}

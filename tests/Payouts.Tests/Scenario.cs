using AmbassadorNet.Contracts.Campaigns;

namespace Payouts.Tests;

/// <summary>
/// One brand, campaign, creator and enrollment, told to payouts through events, with helpers that
/// publish conversions and refunds and wait until payouts applied them.
/// </summary>
public sealed class Scenario(PayoutsService service, Guid brand, Guid campaignId, Guid enrollmentId, Guid creatorId, string currency)
{
    public PayoutsService Service => service;

    public Guid Brand => brand;

    public Guid CampaignId => campaignId;

    public Guid EnrollmentId => enrollmentId;

    public Guid CreatorId => creatorId;

    public string Currency => currency;

    /// <summary>Launches a campaign whose terms apply from <paramref name="since"/> (default: 90 days ago) and enrolls a creator, and waits until payouts knows both.</summary>
    public static async Task<Scenario> StartAsync(PayoutsService service, CommissionPlan plan, int holdingDays = 30, string currency = "USD", DateTimeOffset? since = null)
    {
        var scenario = new Scenario(service, Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), currency);
        var from = since ?? DateTimeOffset.UtcNow.AddDays(-90);
        await service.PublishAllAsync(
            Events.Launched(scenario.Brand, scenario.CampaignId, Events.Terms(1, from, plan, holdingDays, currency)),
            Events.Enrolled(scenario.Brand, scenario.CampaignId, scenario.EnrollmentId, scenario.CreatorId, from));
        await scenario.KnownAsync();
        return scenario;
    }

    public Task KnownAsync() => Eventually.UntilAsync(
        async _ => await service.QueryAsync(brand, async db =>
            await db.TermsVersions.AnyAsync(t => t.CampaignId == campaignId) && await db.EnrollmentVersions.AnyAsync(e => e.EnrollmentId == enrollmentId)),
        $"campaign {campaignId} and enrollment {enrollmentId} replicated");

    /// <summary>Publishes an attributed conversion and waits for its accrual.</summary>
    public async Task<CommissionAccrual> AttributeAsync(decimal amount, DateTimeOffset orderedAt, int rank = 1, Guid? conversionId = null)
    {
        var id = conversionId ?? Guid.CreateVersion7();
        await service.PublishAsync(Events.Attributed(brand, id, campaignId, enrollmentId, creatorId, amount, orderedAt, rank, currency));
        return await AccrualAsync(id);
    }

    public Task<CommissionAccrual> AccrualAsync(Guid conversionId, Func<CommissionAccrual, bool>? until = null) =>
        Eventually.UntilAsync(
            _ => service.QueryAsync(brand, db => db.Accruals.AsNoTracking().SingleOrDefaultAsync(a => a.ConversionId == conversionId)),
            a => a is not null && (until?.Invoke(a) ?? true), $"accrual of conversion {conversionId}")!;

    /// <summary>Publishes a refund and waits until payouts recorded it.</summary>
    public async Task<CommissionReversal> RefundAsync(CommissionAccrual accrual, string refundId, decimal refund, decimal cumulative)
    {
        await service.PublishAsync(Events.Refunded(brand, accrual.ConversionId, refundId, refund, cumulative, accrual.OrderAmount, campaignId, enrollmentId, creatorId, currency));
        return await ReversalAsync(accrual.ConversionId, refundId);
    }

    public Task<CommissionReversal> ReversalAsync(Guid conversionId, string refundId) =>
        Eventually.UntilAsync(
            _ => service.QueryAsync(brand, db => db.Reversals.AsNoTracking().SingleOrDefaultAsync(r => r.ConversionId == conversionId && r.RefundId == refundId)),
            r => r is not null, $"refund {refundId} of {conversionId}")!;

    /// <summary>The creator's balances as the statement API reports them.</summary>
    public async Task<(decimal Pending, decimal Available)> BalancesAsync()
    {
        var statement = await service.ReadAsync(HttpMethod.Get, $"/api/ledger/creators/{creatorId}/statement?currency={currency}", brand);
        var closing = statement.GetProperty("closing");
        return (closing.GetProperty("pending").GetDecimal(), closing.GetProperty("available").GetDecimal());
    }

    public Task<System.Text.Json.JsonElement> ReleaseAsync() => service.ReadAsync(HttpMethod.Post, "/api/payouts/release", brand);
}

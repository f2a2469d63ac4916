using AmbassadorNet.Contracts.Campaigns;
using AmbassadorNet.Contracts.Creators;
using AmbassadorNet.Contracts.Tracking;
using AmbassadorNet.Messaging.Outbox;
using AmbassadorNet.Messaging.Registration;
using AmbassadorNet.Payouts.Api;
using AmbassadorNet.Payouts.Approvals;
using AmbassadorNet.ServiceDefaults.Approvals;
using AmbassadorNet.Payouts.Consumers;
using AmbassadorNet.Payouts.Ledger;
using AmbassadorNet.Persistence.Bulk;
using AmbassadorNet.ServiceDefaults.Configuration;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AmbassadorNet.Payouts;

/// <summary>
/// The payouts service as Program.cs runs it; tests build the same application with settings of
/// their own and a loopback port, so what they test is what ships.
/// </summary>
public static class PayoutsApp
{
    public const string Name = "payouts";

    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = ServiceApp.CreateBuilder<PayoutsDbContext>(Name, PayoutsApi.Tags, args, configure, messaging => messaging
            .KeepEventLog()
            .Handle<ConversionAttributedHandler>(Accruals)
            .Handle<ConversionReversedHandler>(Money)
            .Handle<DeliverableApprovedHandler>(Money)
            .Handle<CampaignTermsHandler>(Quiet)
            .Handle<EnrollmentHandler>(Quiet)
            .Handle<PayoutProfileHandler>(Quiet)
            .Handle<GiftDeliveredHandler>(Quiet));
        builder.AddSettings<PayoutsOptions>();
        // A batch of accruals or a release run adds dozens of these at once: one INSERT per table, not per row.
        builder.Services.AddSingleton<IInterceptor>(new BulkInsertInterceptor(
            typeof(CommissionAccrual), typeof(JournalTransaction), typeof(JournalEntry), typeof(OutboxMessage)));
        builder.Services.AddScoped<Journal>();
        builder.Services.AddScoped<TermsLookup>();
        builder.Services.AddScoped<Releaser>();
        builder.Services.AddScoped<PayoutRunner>();
        builder.Services.AddScoped<BatchLifecycle>();
        builder.Services.AddScoped<ApprovalPolicies>();
        builder.Services.AddScoped(provider => new ApprovalDesk(provider.GetRequiredService<PayoutsDbContext>(), provider.GetRequiredService<TimeProvider>()));
        builder.Services.AddScoped<Settlement>();
        builder.Services.AddHostedService<ReleaseJob>();

        return builder.BuildService<PayoutsDbContext>(app => app.MapPayoutsApi());
    }

    // Money-path queues are quorum queues with a delivery limit (docs/reliability.md); conversions
    // come in bursts, so they get the most concurrency the small connection pool allows.
    private static void Money(EndpointSettings endpoint) =>
        (endpoint.Quorum, endpoint.PrefetchCount, endpoint.ConcurrentMessageLimit) = (true, 32, 4);

    // Orders come in bursts and each is accrued in its own ledger transaction, so the accruals delivered
    // together share one database transaction and commit (docs/reliability.md, "batches").
    private static void Accruals(EndpointSettings endpoint)
    {
        Money(endpoint);
        endpoint.Batch = new BatchSettings(MessageLimit: 32, TimeLimitMs: 5, Concurrency: 2);
    }

    // Terms and enrollments trickle.
    private static void Quiet(EndpointSettings endpoint) => (endpoint.PrefetchCount, endpoint.ConcurrentMessageLimit) = (16, 1);
}

using AmbassadorNet.Messaging.Inbox;
using AmbassadorNet.Messaging.Registration;
using AmbassadorNet.Persistence.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AmbassadorNet.Messaging.Parking;

/// <summary>
/// Retries parked messages in-process, never through the broker: at once when a handler released a
/// prerequisite, and on a slow sweep for prerequisites that arrived on another replica or in the
/// instant between a message's check and its parking.
/// </summary>
internal sealed class ParkedMessageReplayer<TContext>(
    IServiceScopeFactory scopes,
    HandlerCatalog catalog,
    ParkedMessageSignal signal,
    IOptions<MessagingOptions> options,
    ILogger<ParkedMessageReplayer<TContext>> logger) : BackgroundService
    where TContext : BrandScopedDbContext
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await signal.WaitAsync(options.Value.ParkedSweepInterval, stoppingToken);
            try
            {
                await ReplayAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Replaying parked messages failed; the next sweep tries again");
            }
        }
    }

    private async Task ReplayAsync(CancellationToken cancellationToken)
    {
        List<ParkedMessage> parked;
        await using (var scope = scopes.CreateAsyncScope())
        {
            parked = await scope.ServiceProvider.GetRequiredService<TContext>().Set<ParkedMessage>()
                .AsNoTracking().OrderBy(p => p.ParkedAt).Take(500).ToListAsync(cancellationToken);
        }

        foreach (var message in parked)
        {
            if (catalog.ByInboxKey(message.Consumer) is not { } registration)
            {
                logger.LogWarning("Parked message {MessageId} belongs to {Consumer}, which this build no longer has", message.MessageId, message.Consumer);
                continue;
            }

            await using var scope = scopes.CreateAsyncScope();
            try
            {
                var outcome = await registration.ReplayParked(scope.ServiceProvider, message, cancellationToken);
                if (outcome != InboxOutcome.Parked)
                {
                    logger.LogInformation("Parked message {MessageId} for {Consumer}: {Outcome}", message.MessageId, message.Consumer, outcome);
                }
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Replaying parked message {MessageId} for {Consumer} failed", message.MessageId, message.Consumer);
            }
        }
    }
}

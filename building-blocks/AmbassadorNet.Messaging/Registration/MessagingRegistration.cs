using AmbassadorNet.Messaging.Inbox;
using AmbassadorNet.Messaging.Operations;
using AmbassadorNet.Messaging.Outbox;
using AmbassadorNet.Messaging.Parking;
using AmbassadorNet.Messaging.Topology;
using AmbassadorNet.Persistence.Tenancy;
using AmbassadorNet.ServiceDefaults.Configuration;
using AmbassadorNet.ServiceDefaults.Deployment;
using AmbassadorNet.ServiceDefaults.Health;
using MassTransit;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace AmbassadorNet.Messaging.Registration;

public static class MessagingRegistration
{
    /// <summary>
    /// RabbitMQ through MassTransit for a service whose database is <typeparamref name="TContext"/>:
    /// the outbox dispatcher, one queue per handler with an inbox consumer per event it takes, parking and its
    /// replayer, and the broker topology as a deployment step.
    /// </summary>
    public static IHostApplicationBuilder AddServiceMessaging<TContext>(
        this IHostApplicationBuilder builder, string service, Action<MessagingBuilder<TContext>>? configure = null)
        where TContext : BrandScopedDbContext
    {
        var options = builder.AddSettings<MessagingOptions>();
        var messaging = new MessagingBuilder<TContext>(service, builder.Services);
        configure?.Invoke(messaging);
        EndpointOverrides.Apply(builder.Configuration, messaging.Handlers);
        if (messaging.KeepsEventLog)
        {
            // Registered before the configuration is bound, so an Outbox:Retention that is set still wins.
            builder.Services.Configure<OutboxOptions>(outbox => outbox.Retention = null);
        }

        builder.AddSettings<OutboxOptions>();
        var catalog = new HandlerCatalog(messaging.Handlers);

        var services = builder.Services;
        services.AddSingleton(catalog);
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<ParkedMessageSignal>();
        services.AddSingleton<IInterceptor, OutboxSaveChangesInterceptor>();
        services.AddSingleton<IInterceptor, OutboxTransactionInterceptor>();
        services.AddSingleton<OutboxPublisher>();
        services.AddSingleton<InboxPipeline<TContext>>();
        services.AddSingleton<InboxBatchers<TContext>>();
        services.AddScoped<ParkingReleases>();
        services.AddSingleton<BrokerTopology>();
        services.AddSingleton<RetiredQueueMigration>();
        services.AddSingleton<OutboxAdministration<TContext>>();
        services.AddSingleton<ErrorQueueBrowser>();

        // Dead-letter targets must exist before MassTransit declares the quorum queues that point at them.
        services.AddHostedService<ErrorQueueDeclaration>();
        services.Configure<MassTransitHostOptions>(host =>
        {
            host.WaitUntilStarted = false; // a service starts (and reports not ready) while the broker is down
            host.StopTimeout = TimeSpan.FromSeconds(30);
        });
        var deployOnly = DeploymentCommands.IsMigrateOnly(builder);
        services.AddSingleton<IDeploymentStep>(provider => new BrokerTopologyStep(
            provider.GetRequiredService<BrokerTopology>(), provider.GetRequiredService<RetiredQueueMigration>(),
            provider.GetRequiredService<IBusControl>(), deployOnly));
        services.AddMassTransit(bus =>
        {
            bus.ConfigureHealthCheckOptions(health =>
            {
                health.Name = "broker";
                health.Tags.Add(HealthEndpoints.ReadyTag);
            });
            foreach (var registration in catalog.Events)
            {
                bus.AddConsumer(registration.ConsumerType);
            }

            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(options.HostAddress, host =>
                {
                    host.Username(options.Username);
                    host.Password(options.Password);
                    host.PublisherConfirmation = true;
                });
                rabbit.DeployTopologyOnly = deployOnly;
                ReceiveEndpoints.PlainErrorQueues(rabbit.SendTopology);
                foreach (var handler in catalog.Handlers)
                {
                    rabbit.ReceiveEndpoint(handler.EndpointName, endpoint => ReceiveEndpoints.Configure(endpoint, handler, context));
                }
            });
        });

        if (messaging.ServesWithoutBroker)
        {
            // MassTransit tags its check "ready" whatever its options say; taken off its registration here.
            services.PostConfigure<HealthCheckServiceOptions>(health =>
            {
                foreach (var broker in health.Registrations.Where(r => r.Name == "broker"))
                {
                    broker.Tags.Remove(HealthEndpoints.ReadyTag);
                }
            });
        }

        // Registered after MassTransit, so they stop before the bus does.
        services.AddHostedService<OutboxDispatcher<TContext>>();
        services.AddHostedService<ParkedMessageReplayer<TContext>>();
        return builder;
    }
}

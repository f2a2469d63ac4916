using AmbassadorNet.Webhooks.Security;

namespace AmbassadorNet.Webhooks.Delivery;

public static class DeliveryRegistration
{
    public const string HttpClientName = "webhook-deliveries";

    /// <summary>
    /// The delivery client and the worker. The client follows no redirects, uses no proxy or cookies,
    /// and connects only through <see cref="DestinationGuard.ConnectAsync"/>.
    /// </summary>
    public static IServiceCollection AddWebhookDelivery(this IServiceCollection services)
    {
        services.AddHttpClient(HttpClientName, (provider, client) =>
            {
                client.Timeout = provider.GetRequiredService<IOptions<WebhookOptions>>().Value.RequestTimeout;
                client.DefaultRequestHeaders.UserAgent.ParseAdd("AmbassadorNet-Webhooks/1.0");
            })
            .ConfigurePrimaryHttpMessageHandler(provider => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseProxy = false,
                UseCookies = false,
                ConnectCallback = provider.GetRequiredService<DestinationGuard>().ConnectAsync,
                PooledConnectionLifetime = TimeSpan.FromMinutes(1),
            });
        services.AddSingleton<DeliveryClaims>();
        services.AddSingleton<DeliverySender>();
        services.AddSingleton<AttemptRecorder>();
        services.AddHostedService<DeliveryWorker>();
        return services;
    }
}

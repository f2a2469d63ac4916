using AmbassadorNet.Messaging.Registration;
using AmbassadorNet.ServiceDefaults.Configuration;
using AmbassadorNet.Webhooks.Api;
using AmbassadorNet.Webhooks.Delivery;
using AmbassadorNet.Webhooks.EventLog;
using AmbassadorNet.Webhooks.Consumers;
using AmbassadorNet.Webhooks.Persistence;
using AmbassadorNet.Webhooks.Secrets;
using AmbassadorNet.Webhooks.Security;

namespace AmbassadorNet.Webhooks;

/// <summary>
/// The webhooks service as Program.cs runs it; tests build the same application with settings of
/// their own and a loopback port, so what they test is what ships.
/// </summary>
public static class WebhooksApp
{
    public const string Name = "webhooks";

    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = ServiceApp.CreateBuilder<WebhooksDbContext>(Name, WebhooksApi.Tags, args, configure, PublicEventHandler.Register);
        builder.AddSettings<WebhookOptions>();
        builder.AddSecretsAtRest();
        builder.Services.AddSingleton<DestinationGuard>();
        builder.Services.AddSingleton<UrlRules>();
        builder.Services.AddWebhookDelivery();
        builder.AddEventLog();

        return builder.BuildService<WebhooksDbContext>(app => app.MapWebhooksApi().MapEventStream());
    }
}

using AmbassadorNet.Messaging.Operations;
using AmbassadorNet.Messaging.Registration;
using AmbassadorNet.ServiceDefaults;
using AmbassadorNet.ServiceDefaults.Configuration;
using AmbassadorNet.ServiceDefaults.Persistence;
using AmbassadorNet.Webhooks.Api;
using AmbassadorNet.Webhooks.Delivery;
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
        var builder = ServiceBuilder.Create(Name, args, configure);
        builder.AddServiceDatabase<WebhooksDbContext>(WebhooksDbContext.Migrations);
        builder.AddServiceMessaging<WebhooksDbContext>(Name, PublicEventHandler.Register);
        builder.AddSettings<WebhookOptions>();
        builder.AddSecretsAtRest();
        builder.Services.AddSingleton<DestinationGuard>();
        builder.Services.AddSingleton<UrlRules>();
        builder.Services.AddWebhookDelivery();
        builder.AddServiceOpenApi(Name, WebhooksApi.Tags);

        var app = builder.Build();
        app.UseServiceDefaults();
        app.MapServiceOpenApi();
        app.MapWebhooksApi();
        app.MapMessagingOperations<WebhooksDbContext>();
        return app;
    }
}

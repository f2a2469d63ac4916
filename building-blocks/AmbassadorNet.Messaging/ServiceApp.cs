using AmbassadorNet.Messaging.Audit;
using AmbassadorNet.Messaging.Operations;
using AmbassadorNet.Messaging.Registration;
using AmbassadorNet.ServiceDefaults;
using AmbassadorNet.ServiceDefaults.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace AmbassadorNet.Messaging;

/// <summary>
/// How every one of our services is put together, written once: the shared defaults, the service's
/// database and scripts, its messaging and its OpenAPI document; then the shared middleware, the
/// document, the service's routes and the messaging operations. A service's <c>*App.Create</c> adds
/// only what is its own (its handlers, services and routes), and Program.cs and the tests both call it.
/// </summary>
public static class ServiceApp
{
    /// <param name="configure">The caller's settings, applied before anything reads them (a test's port and database).</param>
    public static WebApplicationBuilder CreateBuilder<TContext>(
        string service,
        IReadOnlyDictionary<string, string> apiTags,
        string[] args,
        Action<WebApplicationBuilder>? configure,
        Action<MessagingBuilder<TContext>>? messaging = null)
        where TContext : ServiceDbContext<TContext>
    {
        var builder = ServiceBuilder.Create(service, args, configure);
        builder.AddServiceDatabase<TContext>(ServiceDbContext<TContext>.Migrations);
        builder.AddServiceMessaging(service, messaging);
        builder.AddAuditCapture(service);
        builder.AddServiceOpenApi(service, apiTags);
        return builder;
    }

    public static WebApplication BuildService<TContext>(this WebApplicationBuilder builder, Action<IEndpointRouteBuilder> mapApi)
        where TContext : ServiceDbContext<TContext>
    {
        var app = builder.Build();
        app.UseServiceDefaults();
        app.MapServiceOpenApi();
        mapApi(app);
        app.MapMessagingOperations<TContext>();
        return app;
    }
}

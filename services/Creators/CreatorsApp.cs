using AmbassadorNet.Creators.Api;
using AmbassadorNet.Messaging.Operations;
using AmbassadorNet.Messaging.Registration;
using AmbassadorNet.ServiceDefaults;
using AmbassadorNet.ServiceDefaults.Persistence;

namespace AmbassadorNet.Creators;

/// <summary>
/// The creators service as Program.cs runs it; tests build the same application with settings of
/// their own and a loopback port, so what they test is what ships.
/// </summary>
public static class CreatorsApp
{
    public const string Name = "creators";

    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = ServiceBuilder.Create(Name, args, configure);
        builder.AddServiceDatabase<CreatorsDbContext>(CreatorsDbContext.Migrations);
        builder.AddServiceMessaging<CreatorsDbContext>(Name);
        builder.AddServiceOpenApi(Name, CreatorsApi.Tags);

        var app = builder.Build();
        app.UseServiceDefaults();
        app.MapServiceOpenApi();
        app.MapCreatorsApi();
        app.MapMessagingOperations<CreatorsDbContext>();
        return app;
    }
}

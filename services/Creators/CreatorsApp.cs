using AmbassadorNet.Creators.Api;
using AmbassadorNet.Messaging.Registration;

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
        var builder = ServiceApp.CreateBuilder<CreatorsDbContext>(Name, CreatorsApi.Tags, args, configure);

        return builder.BuildService<CreatorsDbContext>(app => app.MapCreatorsApi());
    }
}

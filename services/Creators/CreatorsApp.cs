using AmbassadorNet.Creators.Api;
using AmbassadorNet.Creators.Consumers;
using AmbassadorNet.ServiceDefaults.Approvals;
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
        var builder = ServiceApp.CreateBuilder<CreatorsDbContext>(Name, CreatorsApi.Tags, args, configure, messaging => messaging
            .Handle<ApprovalPolicyHandler>(endpoint => (endpoint.PrefetchCount, endpoint.ConcurrentMessageLimit) = (16, 1)));
        builder.Services.AddScoped(provider => new ApprovalDesk(provider.GetRequiredService<CreatorsDbContext>(), provider.GetRequiredService<TimeProvider>()));

        return builder.BuildService<CreatorsDbContext>(app => app.MapCreatorsApi());
    }
}

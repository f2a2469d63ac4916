using AmbassadorNet.Security;
using AmbassadorNet.ServiceDefaults;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;

namespace Gateway.Tests.Support;

/// <summary>
/// A real service as every AmbassadorNet service is built (AddServiceDefaults: internal-token
/// authentication, the role table as policies, problem details), holding only the gateway's public key.
/// </summary>
public sealed class ServiceUpstream(WebApplication app) : IUpstream
{
    public string BaseAddress { get; } = app.Urls.First();

    public IServiceProvider Services => app.Services;

    public static async Task<ServiceUpstream> StartAsync(string service, string keyId, string publicKeyPem, Action<WebApplication> mapEndpoints)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{InternalAuthOptions.SectionName}:{nameof(InternalAuthOptions.Audience)}"] = InternalToken.AudienceFor(service),
            [$"{InternalAuthOptions.SectionName}:{nameof(InternalAuthOptions.PublicKeys)}:{keyId}"] = publicKeyPem,
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.AddServiceDefaults(service);
        var app = builder.Build();
        app.UseServiceDefaults();
        mapEndpoints(app);
        await app.StartAsync();
        return new ServiceUpstream(app);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

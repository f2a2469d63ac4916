using Microsoft.AspNetCore.Builder;

namespace AmbassadorNet.ServiceDefaults;

public static class ServiceBuilder
{
    /// <summary>
    /// A service's builder as Program.cs and the tests both make it: the caller's settings first (a
    /// test's loopback port and database), then everything every service shares.
    /// </summary>
    public static WebApplicationBuilder Create(string service, string[] args, Action<WebApplicationBuilder>? configure)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);
        builder.AddServiceDefaults(service);
        return builder;
    }
}

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AmbassadorNet.RouteTable;

/// <summary>
/// The endpoints a service maps, read from the application Program.cs builds, which is built but
/// never started: nothing listens and nothing connects, so no database or broker is needed.
/// </summary>
public static class EndpointReader
{
    /// <summary>Only what building needs; options are validated when a host starts, which this never does.</summary>
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Database:ConnectionString"] = "Host=never-connected.invalid;Database=none",
    };

    public static async Task<IReadOnlyList<RouteEndpoint>> ReadAsync(ServiceApp service)
    {
        await using var app = service.Create([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(Settings);
            // Registered last, so it wins over the loggers the service defaults add after this callback.
            builder.Services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        });

        // The app's own data sources: the DI EndpointDataSource only sees them once the pipeline is built at start.
        return [.. ((IEndpointRouteBuilder)app).DataSources.SelectMany(source => source.Endpoints).OfType<RouteEndpoint>()];
    }
}

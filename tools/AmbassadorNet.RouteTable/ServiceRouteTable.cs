namespace AmbassadorNet.RouteTable;

/// <summary>Every service's rows, read from the services themselves, and the file they make.</summary>
public static class ServiceRouteTable
{
    public static async Task<IReadOnlyList<(string Service, IReadOnlyList<ServiceRoute> Routes)>> ReadAsync()
    {
        var services = new List<(string, IReadOnlyList<ServiceRoute>)>();
        foreach (var service in ServiceApps.All)
        {
            services.Add((service.Name, ServiceRoutes.From(service.Name, await EndpointReader.ReadAsync(service))));
        }

        return services;
    }

    public static async Task<string> RenderAsync() => GeneratedTableFile.Render(await ReadAsync());

    /// <summary>The generated file in the repository this tool was built from (found from the build output upwards).</summary>
    public static string CheckedInPath()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "AmbassadorNet.sln")))
            {
                return Path.Combine(directory.FullName, GeneratedTableFile.RelativePath);
            }
        }

        throw new InvalidOperationException($"No AmbassadorNet.sln above {AppContext.BaseDirectory}.");
    }
}

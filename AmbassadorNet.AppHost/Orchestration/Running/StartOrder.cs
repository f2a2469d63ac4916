using AmbassadorNet.Orchestration.Declaration;

namespace AmbassadorNet.Orchestration.Running;

/// <summary>Dependency depth of each service: 0 waits for nothing, n waits for something at n-1. Stops run deepest first.</summary>
internal static class StartOrder
{
    public static IReadOnlyDictionary<ServiceResource, int> Depths(IReadOnlyList<ServiceResource> services)
    {
        var depths = new Dictionary<ServiceResource, int>();
        foreach (var service in services)
        {
            Visit(service, services, depths, []);
        }

        return depths;
    }

    private static int Visit(ServiceResource service, IReadOnlyList<ServiceResource> services, Dictionary<ServiceResource, int> depths, List<string> path)
    {
        if (depths.TryGetValue(service, out var known))
        {
            return known;
        }

        if (path.Contains(service.Name))
        {
            throw new InvalidOperationException($"The services wait for each other in a cycle: {string.Join(" → ", path.Append(service.Name))}.");
        }

        if (!services.Contains(service))
        {
            throw new InvalidOperationException($"{path.LastOrDefault()} waits for {service.Name}, which is not declared in this system.");
        }

        path.Add(service.Name);
        var depth = service.Dependencies.Count == 0 ? 0 : service.Dependencies.Max(d => Visit(d, services, depths, path)) + 1;
        path.RemoveAt(path.Count - 1);
        depths[service] = depth;
        return depth;
    }
}

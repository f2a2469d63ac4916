using System.Reflection;

namespace Contract.Tests;

internal static class Repository
{
    public static string Root { get; } = typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(attribute => attribute.Key == "RepositoryRoot").Value!;

    public static string OpenApiFolder => Path.Combine(Root, "docs", "openapi");
}

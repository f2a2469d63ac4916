namespace AmbassadorNet.ServiceDefaults.Deployment;

/// <summary>
/// Work that must happen once per deployment before replicas serve traffic: schema migrations,
/// later the broker topology. Run by <c>--migrate-only</c>, or at startup when configured.
/// </summary>
public interface IDeploymentStep
{
    string Name { get; }

    Task RunAsync(CancellationToken cancellationToken);
}

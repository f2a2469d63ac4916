using Docker.DotNet.Models;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Configurations;
using Testcontainers.RabbitMq;

namespace AmbassadorNet.SystemTestKit.Containers;

/// <summary>
/// Testcontainers.RabbitMq's container on the host's network. The module's own RabbitMqBuilder cannot
/// run there: its Init always binds port 5672 to a random host port, Testcontainers then waits 15 s for
/// that binding to be reported and fails (on the host's network none is), and its connection string
/// names the mapped port. This builder keeps the module's container and configuration and leaves the
/// bindings out; <see cref="BrokerContainer"/> names the ports.
/// </summary>
internal sealed class HostNetworkRabbitMqBuilder : ContainerBuilder<HostNetworkRabbitMqBuilder, RabbitMqContainer, RabbitMqConfiguration>
{
    public HostNetworkRabbitMqBuilder()
        : this(new RabbitMqConfiguration()) => DockerResourceConfiguration = Init().DockerResourceConfiguration;

    private HostNetworkRabbitMqBuilder(RabbitMqConfiguration configuration)
        : base(configuration) => DockerResourceConfiguration = configuration;

    protected override RabbitMqConfiguration DockerResourceConfiguration { get; }

    /// <summary>The first user, an administrator (the image's entrypoint reads the variables the official image reads).</summary>
    public HostNetworkRabbitMqBuilder WithCredentials(string username, string password) =>
        Merge(DockerResourceConfiguration, new RabbitMqConfiguration(username, password))
            .WithEnvironment("RABBITMQ_DEFAULT_USER", username)
            .WithEnvironment("RABBITMQ_DEFAULT_PASS", password);

    public override RabbitMqContainer Build()
    {
        Validate();
        return new RabbitMqContainer(DockerResourceConfiguration);
    }

    protected override HostNetworkRabbitMqBuilder Init() =>
        base.Init().WithCreateParameterModifier(HostNetwork.Apply).WithLabel(HostNetwork.TestLabel, "true");

    protected override HostNetworkRabbitMqBuilder Clone(IResourceConfiguration<CreateContainerParameters> resourceConfiguration) =>
        Merge(DockerResourceConfiguration, new RabbitMqConfiguration(resourceConfiguration));

    protected override HostNetworkRabbitMqBuilder Clone(IContainerConfiguration resourceConfiguration) =>
        Merge(DockerResourceConfiguration, new RabbitMqConfiguration(resourceConfiguration));

    protected override HostNetworkRabbitMqBuilder Merge(RabbitMqConfiguration oldValue, RabbitMqConfiguration newValue) =>
        new(new RabbitMqConfiguration(oldValue, newValue));
}

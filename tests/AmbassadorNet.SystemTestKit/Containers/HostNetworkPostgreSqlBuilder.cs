using Docker.DotNet.Models;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Configurations;
using Testcontainers.PostgreSql;

namespace AmbassadorNet.SystemTestKit.Containers;

/// <summary>
/// Testcontainers.PostgreSql's container on the host's network, for the reason
/// <see cref="HostNetworkRabbitMqBuilder"/> gives (the module's builder binds 5432 to a random host port
/// and waits for that binding). <see cref="DatabaseContainer"/> names the port.
/// </summary>
internal sealed class HostNetworkPostgreSqlBuilder : ContainerBuilder<HostNetworkPostgreSqlBuilder, PostgreSqlContainer, PostgreSqlConfiguration>
{
    public HostNetworkPostgreSqlBuilder()
        : this(new PostgreSqlConfiguration()) => DockerResourceConfiguration = Init().DockerResourceConfiguration;

    private HostNetworkPostgreSqlBuilder(PostgreSqlConfiguration configuration)
        : base(configuration) => DockerResourceConfiguration = configuration;

    protected override PostgreSqlConfiguration DockerResourceConfiguration { get; }

    /// <summary>The superuser and its database (the image's entrypoint reads the variables the official image reads).</summary>
    public HostNetworkPostgreSqlBuilder WithCredentials(string database, string username, string password) =>
        Merge(DockerResourceConfiguration, new PostgreSqlConfiguration(database, username, password))
            .WithEnvironment("POSTGRES_DB", database)
            .WithEnvironment("POSTGRES_USER", username)
            .WithEnvironment("POSTGRES_PASSWORD", password);

    public override PostgreSqlContainer Build()
    {
        Validate();
        return new PostgreSqlContainer(DockerResourceConfiguration);
    }

    protected override HostNetworkPostgreSqlBuilder Init() =>
        base.Init().WithCreateParameterModifier(HostNetwork.Apply).WithLabel(HostNetwork.TestLabel, "true");

    protected override HostNetworkPostgreSqlBuilder Clone(IResourceConfiguration<CreateContainerParameters> resourceConfiguration) =>
        Merge(DockerResourceConfiguration, new PostgreSqlConfiguration(resourceConfiguration));

    protected override HostNetworkPostgreSqlBuilder Clone(IContainerConfiguration resourceConfiguration) =>
        Merge(DockerResourceConfiguration, new PostgreSqlConfiguration(resourceConfiguration));

    protected override HostNetworkPostgreSqlBuilder Merge(PostgreSqlConfiguration oldValue, PostgreSqlConfiguration newValue) =>
        new(new PostgreSqlConfiguration(oldValue, newValue));
}

namespace Analytics.Tests;

/// <summary>A running service with the known <see cref="Scenario"/> published and drained, for tests that only read.</summary>
public sealed class ScenarioFixture : IAsyncLifetime
{
    public AnalyticsService Service { get; } = new();

    public Scenario Scenario { get; } = new();

    public async ValueTask InitializeAsync()
    {
        await Service.InitializeAsync();
        await Service.PublishAllAsync(Scenario.Everything);
        await Service.SettledAsync(Scenario.Summary, Scenario.Brand);
    }

    public ValueTask DisposeAsync() => Service.DisposeAsync();
}

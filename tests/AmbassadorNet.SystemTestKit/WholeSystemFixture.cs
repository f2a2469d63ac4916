using Xunit;

namespace AmbassadorNet.SystemTestKit;

/// <summary>The system exactly as the AppHost declares it, started once for the class.</summary>
public sealed class WholeSystemFixture : IAsyncLifetime
{
    /// <summary>How the test's system differs from ./run.sh's, set before the start.</summary>
    public TestSystemOptions Options { get; init; } = new();

    public TestSystem System { get; private set; } = null!;

    public async ValueTask InitializeAsync() => System = await TestSystem.StartAsync(Options, TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (System is not null)
        {
            await System.DisposeAsync();
        }
    }
}

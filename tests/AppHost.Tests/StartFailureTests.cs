using AmbassadorNet.SystemTestKit;

namespace AppHost.Tests;

/// <summary>
/// A service that cannot start is named with its own last words, and the system never reports ready:
/// a failed migration shows as its migration resource failing, and the service behind it never starts.
/// </summary>
public sealed class StartFailureTests
{
    [Fact]
    public async Task A_service_whose_database_cannot_be_reached_fails_its_migration_resource_with_the_output()
    {
        // Nothing listens on port 1 of the loopback: connections are refused at once.
        var options = new TestSystemOptions()
            .WithSetting("creators", "Database:ConnectionString", "Host=127.0.0.1;Port=1;Username=amb;Password=amb;Database=ambt_unreachable;Timeout=3");

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => TestSystem.StartAsync(options, TestContext.Current.CancellationToken));

        Assert.StartsWith("creators-migrations exited with code", failure.Message, StringComparison.Ordinal);
        Assert.True(failure.Message.Contains("refused", StringComparison.OrdinalIgnoreCase), failure.Message);
    }

    [Fact]
    public async Task A_service_that_exits_at_once_is_named_with_its_output()
    {
        // Migrations do not validate the token settings; starting does, and refuses to run without an audience.
        var options = new TestSystemOptions().WithSetting("creators", "InternalAuth:Audience", "");

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => TestSystem.StartAsync(options, TestContext.Current.CancellationToken));

        Assert.Matches("^creators exited with code -?[0-9]+", failure.Message);
        Assert.Contains("Audience", failure.Message, StringComparison.Ordinal);
    }
}

using AmbassadorNet.Security.Testing;

namespace Security.Tests.Support;

/// <summary>One app per test class, configured with the key of <see cref="Tokens"/> and <see cref="TestApp.Audience"/>.</summary>
public sealed class SecuredApp : IAsyncLifetime
{
    public TestTokens Tokens { get; } = new();

    public TestApp App { get; private set; } = null!;

    public async ValueTask InitializeAsync() => App = await TestApp.StartAsync(Tokens.ConfigurationFor(TestApp.Audience));

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        Tokens.Dispose();
    }
}

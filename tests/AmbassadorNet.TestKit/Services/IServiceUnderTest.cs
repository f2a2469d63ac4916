using AmbassadorNet.TestKit.Postgres;

namespace AmbassadorNet.TestKit.Services;

/// <summary>A service started in the test process on its own database: what every service's shared tests need of it.</summary>
public interface IServiceUnderTest
{
    TestDatabase Database { get; }

    IServiceProvider Services { get; }

    /// <summary>A client of the service itself (not through the gateway).</summary>
    HttpClient Http { get; }
}

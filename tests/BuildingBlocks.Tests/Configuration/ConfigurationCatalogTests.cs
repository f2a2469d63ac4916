using System.ComponentModel.DataAnnotations;
using AmbassadorNet.ServiceDefaults.Configuration;
using AmbassadorNet.ServiceDefaults.Persistence;
using AmbassadorNet.ServiceDefaults.Time;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BuildingBlocks.Tests.Configuration;

public sealed class ConfigurationCatalogTests
{
    [Fact]
    public void Every_bound_setting_is_listed_with_its_environment_variable()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.AddSettings<DatabaseOptions>();
        builder.AddClock();
        builder.AddSettings<ExampleOptions>();

        var keys = builder.Catalog().Keys().ToDictionary(k => k.Path);

        Assert.True(keys["Database:ConnectionString"].Required);
        Assert.Equal("Database__ConnectionString", keys["Database:ConnectionString"].EnvironmentVariable);
        Assert.Contains("Database:MigrateOnStartup", keys.Keys);
        Assert.Contains("Clock:OffsetFile", keys.Keys);
        Assert.Contains("Example:Retry:Attempts", keys.Keys);
        Assert.Contains("Example:PublicKeys:{name}", keys.Keys);
        Assert.Contains("Example:AllowedHosts", keys.Keys);
    }

    [Fact]
    public async Task A_missing_required_setting_stops_the_host_at_startup()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddSettings<DatabaseOptions>();
        await using var app = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains("ConnectionString", error.Message);
    }

    [ConfigurationSection("Example")]
    private sealed class ExampleOptions
    {
        [Required]
        public string Name { get; set; } = "";

        public RetryOptions Retry { get; set; } = new();

        public Dictionary<string, string> PublicKeys { get; set; } = [];

        public List<string> AllowedHosts { get; set; } = [];
    }

    private sealed class RetryOptions
    {
        public int Attempts { get; set; } = 3;

        public TimeSpan Delay { get; set; } = TimeSpan.FromSeconds(1);
    }
}

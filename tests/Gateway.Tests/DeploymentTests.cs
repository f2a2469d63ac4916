using System.Net;
using AmbassadorNet.Gateway;
using AmbassadorNet.Gateway.Data;
using AmbassadorNet.Persistence.Schema;
using AmbassadorNet.Persistence.Tenancy;
using AmbassadorNet.ServiceDefaults.Configuration;
using AmbassadorNet.ServiceDefaults.Deployment;
using AmbassadorNet.TestKit.Postgres;
using Gateway.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Gateway.Tests;

public sealed class DeploymentTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    [Fact]
    public async Task The_ef_model_matches_the_migrated_schema()
    {
        await using var db = new GatewayDbContext(new DbContextOptionsBuilder<GatewayDbContext>().UseNpgsql(fixture.Database.ConnectionString).Options, new BrandScope());

        var drift = await SchemaComparer.FindDriftAsync(db);

        Assert.True(drift.Count == 0, string.Join("\n", drift));
    }

    [Fact]
    public async Task Migrate_only_creates_and_migrates_the_database_then_exits()
    {
        await using var database = await TestDatabase.CreateEmptyAsync("gatewaymig");
        // A deployment job knows the database and nothing else of the gateway's settings.
        await using var app = GatewayApplication.Create(new WebApplicationOptions { EnvironmentName = "Testing" }, builder =>
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Database:ConnectionString"] = database.ConnectionString }));

        var exited = await app.RunDeploymentCommandAsync([DeploymentCommands.MigrateOnly]);
        await using var db = new GatewayDbContext(new DbContextOptionsBuilder<GatewayDbContext>().UseNpgsql(database.ConnectionString).Options, new BrandScope());

        Assert.True(exited);
        Assert.Empty(await SchemaComparer.FindDriftAsync(db));
        Assert.Equal(0, await db.Brands.CountAsync());
    }

    [Fact]
    public async Task Health_is_public_and_ready_checks_the_database()
    {
        using var anonymous = fixture.Gateway.Client();

        var live = await anonymous.GetAsync("/health/live");
        var ready = await (await anonymous.GetAsync("/health/ready")).JsonAsync();

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("Healthy", ready.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
    }

    [Fact]
    public void Every_setting_is_a_typed_key_the_gateway_can_list()
    {
        var keys = fixture.Gateway.Services.GetRequiredService<ConfigurationCatalog>().Keys().Select(k => k.Path).ToList();

        Assert.Contains("Gateway:Services:{name}", keys);
        Assert.Contains("Gateway:OperatorKey", keys);
        Assert.Contains("Gateway:SigningKey:KeyId", keys);
        Assert.Contains("Gateway:SigningKey:Pem", keys);
        Assert.Contains("Gateway:RateLimits:PerKey:TokenLimit", keys);
        Assert.Contains("Gateway:RateLimits:PerClientIp:ReplenishmentPeriod", keys);
        Assert.Contains("Gateway:KeyCacheTtl", keys);
        Assert.Contains("Gateway:MaxRequestBodyBytes", keys);
        Assert.Contains("Gateway:TrustedProxies", keys);
        Assert.Contains("Database:ConnectionString", keys);
    }

    [Theory]
    [InlineData("Gateway:SigningKey:Pem", "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----", "Gateway:SigningKey:Pem")]
    [InlineData("Gateway:Services:webhooks", "not a url", "Gateway:Services:webhooks")]
    [InlineData("Gateway:OperatorKey", "short", "OperatorKey")]
    [InlineData("Gateway:SigningKey:TokenLifetime", "00:05:00", "TokenLifetime")]
    [InlineData("Gateway:RateLimits:PerKey:TokenLimit", "0", "RateLimits:PerKey")]
    [InlineData("Gateway:TrustedProxies:0", "10.0.0.0/33", "Gateway:TrustedProxies")]
    public void The_gateway_refuses_to_start_with_a_bad_setting(string key, string value, string named)
    {
        var error = Assert.Throws<OptionsValidationException>(() => GatewayHost.Build(fixture.SettingsWith(new Dictionary<string, string?> { [key] = value })));

        Assert.Contains(named, error.Message);
    }
}

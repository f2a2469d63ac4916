using AmbassadorNet.Messaging.Registration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ServiceDefaults.Tests.Messaging;

/// <summary>
/// <c>Messaging:Endpoints:{queue}:…</c>: an operator's settings for a queue override the code's, key by
/// key, and a key that names no queue or no setting stops the service instead of being ignored.
/// </summary>
public sealed class EndpointOverridesTests
{
    [Fact]
    public void Given_keys_override_the_code_and_the_others_stay()
    {
        var settings = Batched(new BatchSettings(MessageLimit: 32, TimeLimitMs: 5, Concurrency: 2));

        EndpointOverrides.Apply(settings, Section(("PrefetchCount", "200"), ("Batch:MessageLimit", "64")));

        Assert.Equal(200, settings.PrefetchCount);
        Assert.Equal(8, settings.ConcurrentMessageLimit);
        Assert.Equal(new BatchSettings(MessageLimit: 64, TimeLimitMs: 5, Concurrency: 2), settings.Batch);
    }

    [Fact]
    public void Batches_can_be_turned_off_and_on()
    {
        var batched = Batched(new BatchSettings(MessageLimit: 32, TimeLimitMs: 5, Concurrency: 1));
        var alone = new EndpointSettings();

        EndpointOverrides.Apply(batched, Section(("Batch:Enabled", "false")));
        EndpointOverrides.Apply(alone, Section(("Batch:TimeLimitMs", "20")));

        Assert.Null(batched.Batch);
        Assert.Equal(new BatchSettings(TimeLimitMs: 20), alone.Batch);
    }

    [Theory]
    [InlineData("Batch:MessageLimit", "0", "a whole number from 1 to 1000")]
    [InlineData("Batch:TimeLimitMs", "five", "a whole number from 0 to 10000")]
    [InlineData("PrefetchCount", "-3", "a whole number from 1 to 10000")]
    [InlineData("Batch:Enabled", "yes", "true or false")]
    [InlineData("Batch:Size", "10", "no setting Size")]
    [InlineData("Prefetch", "10", "no setting Prefetch")]
    public void A_bad_value_or_an_unknown_key_is_refused_with_its_path(string key, string value, string expected)
    {
        var settings = Batched(new BatchSettings());

        var refused = Assert.Throws<InvalidOperationException>(() => EndpointOverrides.Apply(settings, Section((key, value))));

        Assert.Contains(expected, refused.Message);
        Assert.Contains("Messaging:Endpoints:sample-product-reviewed", refused.Message);
        Assert.Equal(new BatchSettings(), settings.Batch);
    }

    [Fact]
    public void The_service_registration_applies_them_to_its_queues()
    {
        var catalog = Registered(("Messaging:Endpoints:sample-product-reviewed:Batch:MessageLimit", "4"));

        var reviewed = catalog.Handlers.Single(h => h.EndpointName == "sample-product-reviewed");
        Assert.Equal(new BatchSettings(MessageLimit: 4), reviewed.Settings.Batch);
        Assert.Null(catalog.Handlers.Single(h => h.EndpointName == "sample-product-published").Settings.Batch);
    }

    [Fact]
    public void A_queue_the_service_does_not_have_stops_it_with_the_names_of_those_it_has()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => Registered(("Messaging:Endpoints:sample-reviews:PrefetchCount", "10")));

        Assert.Contains("sample-product-published", refused.Message);
        Assert.Contains("sample-product-reviewed", refused.Message);
    }

    private static EndpointSettings Batched(BatchSettings batch) => new() { Batch = batch };

    private static IConfigurationSection Section(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => KeyValuePair.Create<string, string?>($"Messaging:Endpoints:sample-product-reviewed:{v.Key}", v.Value)))
            .Build()
            .GetSection("Messaging:Endpoints:sample-product-reviewed");

    private static HandlerCatalog Registered(params (string Key, string Value)[] values)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(values.Select(v => KeyValuePair.Create<string, string?>(v.Key, v.Value)));
        builder.AddServiceMessaging<ShopDbContext>("sample", SampleService.OneHandlerPerEvent);
        return builder.Services.BuildServiceProvider().GetRequiredService<HandlerCatalog>();
    }
}

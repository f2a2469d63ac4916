using AmbassadorNet.TestKit.Rabbit;
using BuildingBlocks.Tests.Sample;
using Microsoft.EntityFrameworkCore;
using RabbitMQ.Client;

namespace BuildingBlocks.Tests.TestKit;

/// <summary>
/// Two test classes that xUnit runs in parallel write the same keys into "their" database and
/// queue; each must see only its own. A barrier makes sure they really overlap in time.
/// </summary>
public abstract class IsolationTestsBase(SampleDatabaseFixture fixture, string owner) : IAsyncLifetime
{
    private static readonly Barrier BothRunning = new(2);
    private TestVhost? _vhost;

    public async ValueTask InitializeAsync() => _vhost = await TestVhost.CreateAsync("isolation");

    public async ValueTask DisposeAsync()
    {
        if (_vhost is not null)
        {
            await _vhost.DisposeAsync();
        }
    }

    [Fact]
    public async Task Parallel_classes_do_not_see_each_others_rows_or_messages()
    {
        var brand = new Guid("0194f000-0000-7000-8000-000000000001");
        await using (var context = SampleDbContext.ForBrand(fixture.Database, brand))
        {
            context.Orders.Add(new SampleOrder { Id = Guid.CreateVersion7(), Reference = "SHARED-KEY", Note = owner, Currency = "USD" });
            await context.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var factory = new ConnectionFactory { Uri = _vhost!.AmqpUri() };
        await using var connection = await factory.CreateConnectionAsync(TestContext.Current.CancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: TestContext.Current.CancellationToken);
        await channel.QueueDeclareAsync("shared-queue", durable: false, exclusive: false, autoDelete: false, cancellationToken: TestContext.Current.CancellationToken);
        await channel.BasicPublishAsync("", "shared-queue", System.Text.Encoding.UTF8.GetBytes(owner), TestContext.Current.CancellationToken);

        Assert.True(BothRunning.SignalAndWait(TimeSpan.FromSeconds(60)), "the other class never ran alongside this one");

        await using (var context = SampleDbContext.ForBrand(fixture.Database, brand))
        {
            var notes = await context.Orders.Where(o => o.Reference == "SHARED-KEY").Select(o => o.Note).ToListAsync(TestContext.Current.CancellationToken);
            Assert.Equal([owner], notes);
        }

        var message = await channel.BasicGetAsync("shared-queue", autoAck: true, TestContext.Current.CancellationToken);
        Assert.Equal(owner, System.Text.Encoding.UTF8.GetString(message!.Body.Span));
        Assert.Null(await channel.BasicGetAsync("shared-queue", autoAck: true, TestContext.Current.CancellationToken));
    }
}

public sealed class IsolationTestsLeft(SampleDatabaseFixture fixture) : IsolationTestsBase(fixture, "left"), IClassFixture<SampleDatabaseFixture>;

public sealed class IsolationTestsRight(SampleDatabaseFixture fixture) : IsolationTestsBase(fixture, "right"), IClassFixture<SampleDatabaseFixture>;

using AmbassadorNet.Contracts.Creators;
using AmbassadorNet.PartnerApi;
using AmbassadorNet.Partner.V1;
using AmbassadorNet.Security;
using AmbassadorNet.TestKit.Waiting;
using AmbassadorNet.Webhooks.EventLog;
using AmbassadorNet.Webhooks.Partner;
using Grpc.Core;
using Grpc.Net.Client;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Webhooks.Tests;

/// <summary>
/// The brands' event logs behind the partner event stream: positions, duplicates, erasure and
/// retention, read in the database and, for what a client sees, through the service's gRPC port.
/// </summary>
public sealed class EventLogTests(WebhooksService service) : IClassFixture<WebhooksService>
{
    [Fact]
    public async Task A_brands_events_get_positions_one_to_n_without_gaps_and_a_duplicate_is_logged_once()
    {
        var brand = Guid.CreateVersion7();
        var bus = service.Services.GetRequiredService<IBus>();
        var duplicated = NewId.NextGuid();
        var approved = Events.Approved(brand);
        await bus.Publish(approved, context => context.MessageId = duplicated, TestContext.Current.CancellationToken);
        var others = Enumerable.Range(0, 120).Select(_ => Events.Suspended(brand)).ToList();
        await Task.WhenAll(others.Select(e => bus.Publish(e, TestContext.Current.CancellationToken)));
        await bus.Publish(approved, context => context.MessageId = duplicated, TestContext.Current.CancellationToken);

        await Eventually.UntilAsync(async _ => (await LogAsync(brand)).Count, n => n >= 121, "121 events in the brand's log");
        var positions = await Eventually.SettledAsync(
            async _ => (await LogAsync(brand)).Count, "the brand's log to stop growing");
        var log = await LogAsync(brand);

        Assert.Equal(121, positions);
        Assert.Equal(Enumerable.Range(1, 121).Select(p => (long)p), log.Select(e => e.Position));
        Assert.Single(log, e => e.EventId == duplicated);
    }

    [Fact]
    public async Task Erasing_a_creator_scrubs_their_personal_data_from_the_log_and_from_events_that_arrive_later()
    {
        var brand = Guid.CreateVersion7();
        var approved = Events.Approved(brand);
        var creator = approved.CreatorId;
        await service.PublishAsync(approved);
        // One at a time: two events in flight together may be logged in either order.
        await Eventually.UntilAsync(async _ => (await LogAsync(brand)).Count, n => n == 1, "the approval in the log");
        await service.PublishAsync(new CreatorPayoutProfileUpdated(brand, DateTimeOffset.UtcNow, creator, 3, "paypal", "USD", "pp-ref-secret", "verified", true));
        await Eventually.UntilAsync(async _ => (await LogAsync(brand)).Count, n => n == 2, "two events in the log");

        await service.PublishAsync(new CreatorErased(brand, DateTimeOffset.UtcNow, creator, 4));
        await Eventually.UntilAsync(async _ => (await LogAsync(brand)).Count, n => n == 3, "the erasure in the log");
        // A copy of an older state event, delivered after the erasure (queues keep no order).
        await service.PublishAsync(approved with { OccurredAt = approved.OccurredAt.AddSeconds(-1) });
        var log = await Eventually.UntilAsync(async _ => await LogAsync(brand), l => l.Count == 4, "four events in the log");

        Assert.All(log, e => Assert.DoesNotContain("Ada Creator", e.Data));
        Assert.All(log, e => Assert.DoesNotContain("pp-ref-secret", e.Data));
        Assert.All(log, e => Assert.Contains(creator.ToString(), e.Data));
        Assert.Equal([true, true, false, true], log.Select(e => e.Redacted));
        Assert.Equal(["creator.approved", "creator.payout_profile_updated", "creator.erased", "creator.approved"], log.Select(e => e.EventType));
    }

    [Fact]
    public async Task Past_the_retention_events_are_deleted_and_resuming_before_them_is_out_of_range()
    {
        var brand = Guid.CreateVersion7();
        for (var i = 0; i < 3; i++)
        {
            await service.PublishAsync(Events.Approved(brand));
        }

        await Eventually.UntilAsync(async _ => (await LogAsync(brand)).Count, n => n == 3, "three events in the log");
        await service.ExecuteAsync("UPDATE partner_events SET recorded_at = now() - interval '31 days' WHERE brand_id = $1 AND position <= 2", brand);
        var sweeper = service.Services.GetServices<IHostedService>().OfType<EventLogSweeper>().Single();

        var deleted = await sweeper.SweepAsync(TestContext.Current.CancellationToken);

        Assert.True(deleted >= 2);
        Assert.Equal([3L], (await LogAsync(brand)).Select(e => e.Position));
        using var channel = GrpcChannel.ForAddress(service.GrpcAddress);
        var client = new EventStream.EventStreamClient(channel);
        var headers = new Metadata { { "authorization", "Bearer " + service.Tokens.Mint(WebhooksService.Audience, brand, [Roles.Events]) } };

        using var expired = client.Subscribe(new SubscribeRequest { AfterPosition = 1 }, headers);
        var error = await Assert.ThrowsAsync<RpcException>(() => expired.ResponseStream.MoveNext());
        Assert.Equal(StatusCode.OutOfRange, error.StatusCode);
        Assert.Equal("urn:ambassadornet:problem:position-expired", PartnerErrors.InfoOf(error)!.Metadata["type"]);

        using var oldest = client.Subscribe(new SubscribeRequest { Oldest = new() }, headers);
        Assert.True(await oldest.ResponseStream.MoveNext());
        Assert.Equal(3UL, oldest.ResponseStream.Current.Position);
    }

    [Fact]
    public void A_retired_event_type_can_still_be_streamed_from_the_log_by_name_but_an_unknown_one_cannot()
    {
        Assert.Equal(["clicks.recorded", "clicks.counted"], StreamStart.Types(new SubscribeRequest { EventTypes = { "clicks.recorded", "clicks.counted" } })!);
        var error = Assert.Throws<RpcException>(() => StreamStart.Types(new SubscribeRequest { EventTypes = { "clicks.teleported" } }));
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }

    [Fact]
    public async Task The_grpc_port_answers_grpc_health_checks_without_a_token()
    {
        using var channel = GrpcChannel.ForAddress(service.GrpcAddress);

        var answer = await new Grpc.Health.V1.Health.HealthClient(channel).CheckAsync(new Grpc.Health.V1.HealthCheckRequest());

        Assert.Equal(Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus.Serving, answer.Status);
    }

    private Task<List<PartnerEvent>> LogAsync(Guid brand) =>
        service.QueryAsync(brand, db => db.PartnerEvents.AsNoTracking().OrderBy(e => e.Position).ToListAsync());
}

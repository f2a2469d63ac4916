using AmbassadorNet.PartnerApi;
using AmbassadorNet.Partner.V1;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using static PartnerApi.Tests.StreamReading;

namespace PartnerApi.Tests;

/// <summary>The brand's event stream through the gateway's gRPC port, as a partner's generated client uses it.</summary>
[Collection(PartnerSystemCollection.Name)]
public sealed class EventStreamTests(PartnerSystemFixture fixture)
{
    private static readonly SubscribeRequest FromOldest = new() { Oldest = new Empty() };

    [Fact]
    public async Task From_oldest_the_stream_replays_the_brands_log_in_position_order_with_the_webhook_payloads()
    {
        var creator = await fixture.BrandA.NewCreatorAsync(NewHandle("oldest"));

        using var call = fixture.Subscribe(fixture.BrandAEvents, FromOldest);
        var events = await call.ReadUntilAsync(read => read.Any(e => e.Type == "creator.applied" && e.IsAbout(creator)));

        Assert.Equal(Enumerable.Range(1, events.Count).Select(p => (ulong)p), events.Select(e => e.Position));
        var applied = events.Single(e => e.Type == "creator.applied" && e.IsAbout(creator));
        Assert.Matches("^msg_[0-9a-f]{32}$", applied.Id);
        Assert.Equal(creator, applied.Data().GetProperty("creator").GetProperty("creatorId").GetGuid());
        Assert.Equal(applied.OccurredAt.ToDateTimeOffset(), applied.Data().GetProperty("occurredAt").GetDateTimeOffset());
        Assert.False(applied.Redacted);
    }

    [Fact]
    public async Task Without_a_start_the_stream_begins_now_and_delivers_what_is_recorded_after_the_call()
    {
        var before = await fixture.BrandA.NewCreatorAsync(NewHandle("before"));
        using (var replay = fixture.Subscribe(fixture.BrandAEvents, FromOldest))
        {
            await replay.ReadUntilAsync(read => read.Any(e => e.IsAbout(before)));
        }

        using var call = fixture.Subscribe(fixture.BrandAEvents, new SubscribeRequest());
        // When the call has reached the service is not visible to the client: creators keep applying
        // until one of them comes through the stream.
        var after = new List<Guid>();
        using var applying = new CancellationTokenSource();
        var applyingLoop = Task.Run(async () =>
        {
            while (!applying.IsCancellationRequested)
            {
                after.Add(await fixture.BrandA.NewCreatorAsync(NewHandle("after")));
                await Task.Delay(TimeSpan.FromSeconds(1));
            }
        });
        var events = await call.ReadUntilAsync(read => read.Any(e => e.Type == "creator.applied" && after.ToList().Any(e.IsAbout)));
        await applying.CancelAsync();
        await applyingLoop;

        Assert.DoesNotContain(events, e => e.IsAbout(before));
    }

    [Fact]
    public async Task Another_brands_events_never_appear_in_a_brands_stream()
    {
        var mine = await fixture.BrandB.NewCreatorAsync(NewHandle("mine"));
        var theirs = await fixture.BrandA.NewCreatorAsync(NewHandle("theirs"));
        // Brand A's event is in its own log before brand B's stream is read to the end.
        using (var a = fixture.Subscribe(fixture.BrandAEvents, FromOldest))
        {
            await a.ReadUntilAsync(read => read.Any(e => e.IsAbout(theirs)));
        }

        using var call = fixture.Subscribe(fixture.BrandBEvents, FromOldest);
        var events = await call.ReadUntilAsync(read => read.Any(e => e.IsAbout(mine)));

        Assert.DoesNotContain(events, e => e.IsAbout(theirs));
        var brands = events.Select(e => e.Data().GetProperty("brandId").GetGuid()).Distinct().ToList();
        Assert.Single(brands);
    }

    [Fact]
    public async Task A_client_that_reconnects_with_its_last_position_gets_everything_after_it_and_nothing_before()
    {
        var first = await fixture.BrandA.NewCreatorAsync(NewHandle("first"));
        List<Event> before;
        using (var call = fixture.Subscribe(fixture.BrandAEvents, FromOldest))
        {
            before = await call.ReadUntilAsync(read => read.Any(e => e.IsAbout(first)));
        }

        var last = before[^1].Position;
        var created = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            created.Add(await fixture.BrandA.NewCreatorAsync(NewHandle("gap")));
        }

        using var resumed = fixture.Subscribe(fixture.BrandAEvents, new SubscribeRequest { AfterPosition = last });
        var after = await resumed.ReadUntilAsync(read => created.All(c => read.Any(e => e.IsAbout(c))));

        Assert.Equal(Enumerable.Range(0, after.Count).Select(i => last + 1 + (ulong)i), after.Select(e => e.Position));
        Assert.Empty(after.Select(e => e.Id).Intersect(before.Select(e => e.Id)));
    }

    [Fact]
    public async Task Filtered_by_type_the_stream_sends_only_those_types()
    {
        var creator = await fixture.BrandA.NewCreatorAsync(NewHandle("filter"));
        await fixture.BrandA.SendAsync(HttpMethod.Post, $"/api/creators/{creator}/approve");

        using var call = fixture.Subscribe(fixture.BrandAEvents, new SubscribeRequest { Oldest = new Empty(), EventTypes = { "creator.approved" } });
        var events = await call.ReadUntilAsync(read => read.Any(e => e.IsAbout(creator)));

        Assert.All(events, e => Assert.Equal("creator.approved", e.Type));
        Assert.Equal(events.Select(e => e.Position).Order(), events.Select(e => e.Position));
    }

    [Fact]
    public async Task An_unknown_event_type_is_invalid_argument_naming_the_field()
    {
        using var call = fixture.Subscribe(fixture.BrandAEvents, new SubscribeRequest { EventTypes = { "creator.teleported" } });

        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext());

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        var status = error.GetRpcStatus()!;
        Assert.Equal("https://tools.ietf.org/html/rfc9110#section-15.5.1", status.GetDetail<ErrorInfo>()!.Metadata["type"]);
        Assert.Contains(status.GetDetail<BadRequest>()!.FieldViolations, v => v.Field == "event_types" && v.Description.Contains("creator.teleported"));
    }

    [Fact]
    public async Task A_position_the_brand_never_reached_is_out_of_range()
    {
        using var call = fixture.Subscribe(fixture.BrandBEvents, new SubscribeRequest { AfterPosition = 1_000_000 });

        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext());

        Assert.Equal(StatusCode.OutOfRange, error.StatusCode);
        Assert.Equal("urn:ambassadornet:problem:position-unknown", PartnerErrors.InfoOf(error)!.Metadata["type"]);
    }

    [Fact]
    public async Task A_key_without_the_events_role_is_refused_and_no_key_is_unauthenticated()
    {
        using var partner = fixture.Subscribe(fixture.BrandAPartner, FromOldest);
        var refused = await Assert.ThrowsAsync<RpcException>(() => partner.ResponseStream.MoveNext());
        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        var info = PartnerErrors.InfoOf(refused)!;
        Assert.Equal("forbidden", info.Reason);
        Assert.Equal("https://tools.ietf.org/html/rfc9110#section-15.5.4", info.Metadata["type"]);
        Assert.Contains("events", refused.Status.Detail);

        using var anonymous = new EventStream.EventStreamClient(fixture.Channel).Subscribe(FromOldest);
        var unauthenticated = await Assert.ThrowsAsync<RpcException>(() => anonymous.ResponseStream.MoveNext());
        Assert.Equal(StatusCode.Unauthenticated, unauthenticated.StatusCode);
    }

    [Fact]
    public async Task The_gateway_answers_grpc_health_checks_on_its_grpc_port()
    {
        var health = new Grpc.Health.V1.Health.HealthClient(fixture.Channel);

        var answer = await health.CheckAsync(new Grpc.Health.V1.HealthCheckRequest());

        Assert.Equal(Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus.Serving, answer.Status);
    }
}

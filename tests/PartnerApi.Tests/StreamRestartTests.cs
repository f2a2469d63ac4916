using AmbassadorNet.Gateway.Routing;
using AmbassadorNet.Partner.V1;
using Grpc.Core;
using static PartnerApi.Tests.StreamReading;

namespace PartnerApi.Tests;

/// <summary>The stream across a restart of the service that serves it: the client resumes with its last position.</summary>
[Collection(PartnerSystemCollection.Name)]
public sealed class StreamRestartTests(PartnerSystemFixture fixture)
{
    [Fact]
    public async Task After_the_webhooks_service_restarts_a_resumed_stream_has_no_gap_and_no_duplicate_position()
    {
        var before = await fixture.BrandA.NewCreatorAsync(NewHandle("restart"));
        var received = new List<Event>();
        using (var call = fixture.Subscribe(fixture.BrandAEvents, new SubscribeRequest { Oldest = new() }))
        {
            received.AddRange(await call.ReadUntilAsync(read => read.Any(e => e.IsAbout(before))));

            await fixture.System.StopServiceAsync(GatewayServices.Webhooks);

            // The open call ends with a status the client retries on, not with a clean end of stream.
            var ended = await Assert.ThrowsAsync<RpcException>(async () =>
            {
                while (await call.ResponseStream.MoveNext())
                {
                    received.Add(call.ResponseStream.Current);
                }
            });
            Assert.Contains(ended.StatusCode, new[] { StatusCode.Unavailable, StatusCode.Internal });
        }

        // Events recorded while the service is down wait in its queue and reach the log after the restart.
        var during = await fixture.BrandA.NewCreatorAsync(NewHandle("down"));
        await fixture.System.RestartAsync(GatewayServices.Webhooks);
        var after = await fixture.BrandA.NewCreatorAsync(NewHandle("back"));

        var last = received[^1].Position;
        using var resumed = fixture.Subscribe(fixture.BrandAEvents, new SubscribeRequest { AfterPosition = last });
        var more = await resumed.ReadUntilAsync(read => read.Any(e => e.IsAbout(during)) && read.Any(e => e.IsAbout(after)));

        var positions = received.Concat(more).Select(e => e.Position).ToList();
        Assert.Equal(Enumerable.Range(1, positions.Count).Select(p => (ulong)p), positions);
        Assert.Equal(positions.Count, received.Concat(more).Select(e => e.Id).Distinct().Count());
    }
}

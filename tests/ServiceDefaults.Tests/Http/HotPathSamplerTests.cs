using System.Diagnostics;
using AmbassadorNet.ServiceDefaults.Observability;
using OpenTelemetry.Trace;

namespace ServiceDefaults.Tests.Http;

/// <summary>The sampler's decisions as pure logic; <see cref="TraceSamplingTests"/> runs it in a real host.</summary>
public sealed class HotPathSamplerTests
{
    private static readonly HotPathSampler Sampler = new([new SampledPath("/r/", 0)]);

    [Fact]
    public void A_request_on_a_hot_path_follows_its_ratio()
    {
        Assert.Equal(SamplingDecision.Drop, Decide(Sampler, ServerRequest("/r/abc")));
        Assert.Equal(SamplingDecision.Drop, Decide(Sampler, ServerRequest("/R/ABC")));
        Assert.Equal(SamplingDecision.RecordAndSample, Decide(new HotPathSampler([new SampledPath("/r/", 1)]), ServerRequest("/r/abc")));
    }

    [Fact]
    public void Any_other_request_is_recorded_even_when_the_caller_flagged_it_not_sampled()
    {
        var callerNotSampled = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.None, isRemote: true);

        Assert.Equal(SamplingDecision.RecordAndSample, Decide(Sampler, ServerRequest("/api/conversions", callerNotSampled)));
        Assert.Equal(SamplingDecision.RecordAndSample, Decide(Sampler, ServerRequest("/rx")));
        Assert.Equal(SamplingDecision.RecordAndSample, Decide(Sampler, new SamplingParameters(default, ActivityTraceId.CreateRandom(), "consume", ActivityKind.Consumer)));
    }

    [Fact]
    public void A_span_follows_its_parent_in_the_same_process()
    {
        var droppedRequest = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.None);
        var recordedRequest = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded);

        Assert.Equal(SamplingDecision.Drop, Decide(Sampler, new SamplingParameters(droppedRequest, droppedRequest.TraceId, "SELECT", ActivityKind.Client)));
        Assert.Equal(SamplingDecision.RecordAndSample, Decide(Sampler, new SamplingParameters(recordedRequest, recordedRequest.TraceId, "SELECT", ActivityKind.Client)));
    }

    [Fact]
    public void Two_processes_with_the_same_ratio_keep_the_same_traces_and_about_that_share()
    {
        var gateway = new HotPathSampler([new SampledPath("/r/", 0.25)]);
        var tracking = new HotPathSampler([new SampledPath("/r/", 0.25)]);
        var kept = 0;
        for (var i = 0; i < 20_000; i++)
        {
            var traceId = ActivityTraceId.CreateRandom();
            var atGateway = Decide(gateway, ServerRequest("/r/abc", traceId: traceId));
            var caller = new ActivityContext(traceId, ActivitySpanId.CreateRandom(),
                atGateway == SamplingDecision.RecordAndSample ? ActivityTraceFlags.Recorded : ActivityTraceFlags.None, isRemote: true);
            Assert.Equal(atGateway, Decide(tracking, ServerRequest("/r/abc", caller)));
            kept += atGateway == SamplingDecision.RecordAndSample ? 1 : 0;
        }

        Assert.InRange(kept, 4_500, 5_500);
    }

    [Theory]
    [InlineData("r/", 0.5)]
    [InlineData("/", 0.5)]
    [InlineData("/r/", 1.5)]
    [InlineData("/r/", -0.1)]
    [InlineData("/r/", double.NaN)]
    public void A_path_without_a_leading_slash_or_a_ratio_outside_0_to_1_is_refused_at_start(string prefix, double ratio)
    {
        var refused = Assert.Throws<InvalidOperationException>(() => new HotPathSampler([new SampledPath(prefix, ratio)]));
        Assert.Contains(Telemetry.SampledPathsSection, refused.Message);
    }

    private static SamplingDecision Decide(Sampler sampler, SamplingParameters parameters) => sampler.ShouldSample(parameters).Decision;

    private static SamplingParameters ServerRequest(string path, ActivityContext caller = default, ActivityTraceId? traceId = null) =>
        new(caller, caller.TraceId != default ? caller.TraceId : traceId ?? ActivityTraceId.CreateRandom(), "Microsoft.AspNetCore.Hosting.HttpRequestIn",
            ActivityKind.Server, [new(HotPathSampler.PathTag, path)]);
}

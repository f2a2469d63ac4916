using System.Diagnostics;
using OpenTelemetry.Trace;

namespace AmbassadorNet.ServiceDefaults.Observability;

/// <summary>A path prefix whose requests are traced only in part: <see cref="Ratio"/> of them, 0 to 1.</summary>
public sealed record SampledPath(string Prefix, double Ratio);

/// <summary>
/// Which traces are kept: every one, except those of requests on a service's hot paths (the redirect every
/// visitor takes, thousands a second). Of those a share is kept, chosen by the trace id, so the gateway and
/// the service behind it keep the same traces whole; their count and latency stay complete in the request
/// metrics, which cost nothing per request. A span whose parent is in the same process follows it, so a
/// request left out leaves out every span under it.
/// Across processes it is not parent-based: a caller's traceparent flagged "not sampled" must not hide a
/// conversion, so anything that is not a hot path is recorded whatever the caller says.
/// </summary>
public sealed class HotPathSampler : Sampler
{
    /// <summary>The tag ASP.NET Core gives its request activity at creation, so a sampler can read it.</summary>
    public const string PathTag = "url.path";

    private static readonly SamplingResult Record = new(SamplingDecision.RecordAndSample);
    private static readonly SamplingResult Drop = new(SamplingDecision.Drop);
    private readonly (string Prefix, Sampler ByTraceId)[] _hotPaths;

    public HotPathSampler(IEnumerable<SampledPath> hotPaths)
    {
        _hotPaths = [.. hotPaths.Select(path => (Validated(path).Prefix, (Sampler)new TraceIdRatioBasedSampler(path.Ratio)))];
        Description = "HotPathSampler{" + string.Join(',', _hotPaths.Select(path => path.Prefix)) + "}";
    }

    public override SamplingResult ShouldSample(in SamplingParameters parameters)
    {
        var parent = parameters.ParentContext;
        if (parent.TraceId != default && !parent.IsRemote)
        {
            return (parent.TraceFlags & ActivityTraceFlags.Recorded) != 0 ? Record : Drop;
        }

        if (parameters.Kind == ActivityKind.Server && PathOf(parameters.Tags) is { } path)
        {
            foreach (var (prefix, byTraceId) in _hotPaths)
            {
                if (path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                {
                    return byTraceId.ShouldSample(parameters);
                }
            }
        }

        return Record;
    }

    private static string? PathOf(IEnumerable<KeyValuePair<string, object?>>? tags)
    {
        if (tags is null)
        {
            return null;
        }

        foreach (var tag in tags)
        {
            if (tag.Key == PathTag)
            {
                return tag.Value as string;
            }
        }

        return null;
    }

    private static SampledPath Validated(SampledPath path)
    {
        if (path.Prefix is not { Length: > 1 } || path.Prefix[0] != '/')
        {
            throw new InvalidOperationException($"{Telemetry.SampledPathsSection}: a prefix starts with '/' and names a path, not '{path.Prefix}'.");
        }

        if (!(path.Ratio is >= 0 and <= 1))
        {
            throw new InvalidOperationException($"{Telemetry.SampledPathsSection}: the ratio of '{path.Prefix}' is from 0 to 1, not {path.Ratio}.");
        }

        return path;
    }
}

using System.Diagnostics;

namespace AmbassadorNet.Messaging.Tracing;

/// <summary>
/// Keeps one trace across the broker. The outbox stores the traceparent of the request; the
/// dispatcher publishes inside an activity parented by it, and the consumer continues from the
/// header. Activities are created directly (not through a sampled ActivitySource) so the trace id
/// survives even when no exporter listens; logs carry it either way.
/// </summary>
public static class MessagingActivities
{
    public const string TraceParentHeader = "traceparent";

    public static Activity? StartDispatch(string? traceParent) => StartChild("outbox dispatch", traceParent);

    public static Activity? StartConsume(string? traceParent) =>
        Activity.Current is null ? StartChild("inbox consume", traceParent) : null;

    /// <summary>One message's handler inside a batch: a span of the message's own trace, so one order stays one trace.</summary>
    public static Activity? StartApply(string? traceParent) => StartChild("inbox apply", traceParent);

    /// <summary>A batch's transaction: a trace of its own, linked to the trace of every message in it.</summary>
    public static Activity StartBatch(IEnumerable<string?> traceParents)
    {
        var activity = new Activity("inbox batch");
        foreach (var traceParent in traceParents)
        {
            if (traceParent is not null && ActivityContext.TryParse(traceParent, null, out var linked))
            {
                activity.AddLink(new ActivityLink(linked));
            }
        }

        return activity.Start();
    }

    private static Activity? StartChild(string name, string? traceParent)
    {
        if (traceParent is null || !ActivityContext.TryParse(traceParent, null, out var parent))
        {
            return null;
        }

        var activity = new Activity(name);
        activity.SetParentId(parent.TraceId, parent.SpanId, parent.TraceFlags);
        return activity.Start();
    }
}

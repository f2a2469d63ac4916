using AmbassadorNet.Campaigns.Domain.Posts;

namespace AmbassadorNet.Campaigns.Api.Posts;

/// <summary>
/// A snapshot of a post's lifetime counts as the platform shows them at <c>measuredAt</c>; a count
/// left out was not reported. The day it counts for is measuredAt's UTC date.
/// </summary>
public sealed record RecordMetricsRequest(DateTimeOffset? MeasuredAt, long? Views, long? Reach, long? Likes, long? Comments, long? Shares, long? Saves);

/// <summary>A post's metrics: the latest lifetime counts, the engagement rate from them, and each day's snapshot with what it added.</summary>
public sealed record PostMetricsView(
    Guid PostId, string Platform, PostFormat Format, long? CreatorFollowers, DayMetrics? Latest, decimal? EngagementRate, string? EngagementBasis,
    IReadOnlyList<DayMetrics> Days);

/// <summary>One day's snapshot: lifetime counts, and the increment since the previous day with a snapshot (reach: lifetime only).</summary>
public sealed record DayMetrics(DateOnly Day, DateTimeOffset MeasuredAt, MetricCounts Lifetime, MetricCounts Increment);

/// <summary>What a metrics import did, row by row; line numbers count the header as line 1.</summary>
public sealed record MetricImportReport(string Mode, int Recorded, int Unchanged, int Rejected, IReadOnlyList<MetricImportRow> Rows);

/// <param name="Status">"recorded" (the day's snapshot changed), "unchanged" (an older or repeated snapshot), "rejected", or
/// "valid" (a good row not stored because another row failed an all-or-nothing import).</param>
public sealed record MetricImportRow(int Line, string Status, Guid? PostId, DateOnly? Day, IDictionary<string, string[]>? Errors);

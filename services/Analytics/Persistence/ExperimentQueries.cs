using AmbassadorNet.Analytics.Domain.Experiments;
using NpgsqlTypes;

namespace AmbassadorNet.Analytics.Persistence;

/// <summary>An experiment's posts with what each brought, and which running experiments some posts take part in.</summary>
public sealed class ExperimentQueries(AnalyticsDbContext db)
{
    /// <summary>Every post recorded into the experiment, with its unique clicks, orders and revenue over the range (zeros when none).</summary>
    public Task<List<VariantPost>> PostsAsync(Guid experimentId, DateRange range, CancellationToken ct) =>
        db.QueryBrandAsync("""
            SELECT d.post_id, d.variant, coalesce(sum(r.unique_clicks), 0)::bigint, coalesce(sum(r.conversions), 0)::bigint, coalesce(sum(r.revenue), 0)
            FROM post_dims d
            LEFT JOIN post_daily_rollups r ON r.brand_id = @brand AND r.post_id = d.post_id AND r.day BETWEEN @from AND @to
            WHERE d.brand_id = @brand AND d.experiment_id = @experiment AND d.variant IS NOT NULL
            GROUP BY d.post_id, d.variant
            ORDER BY d.post_id
            """, [new("experiment", experimentId), .. range.Parameters()],
            r => new VariantPost(r.GetGuid(0), r.GetString(1), r.GetInt64(2), r.GetInt64(3), r.GetDecimal(4)), ct);

    /// <summary>The running experiments the posts take part in.</summary>
    public Task<List<Guid>> RunningExperimentsOfAsync(IReadOnlyCollection<Guid> postIds, CancellationToken ct) =>
        db.QueryBrandAsync("""
            SELECT DISTINCT d.experiment_id
            FROM post_dims d JOIN experiment_dims e ON e.experiment_id = d.experiment_id AND e.status = 'running'
            WHERE d.brand_id = @brand AND d.post_id = ANY(@posts)
            ORDER BY 1
            """, [new("posts", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = postIds.ToArray() }], r => r.GetGuid(0), ct);
}

namespace AmbassadorNet.Analytics.Api;

/// <summary>The JSON views: parameters checked (all problems in one 400), then answered from rollups.</summary>
internal static class AnalyticsEndpoints
{
    public static async Task<Ok<CampaignSummary>> SummaryAsync(Guid id, string? from, string? to, CampaignViews views, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var range = ViewQuery.Range(from, to, errors);
        errors.ThrowIfAny();
        return TypedResults.Ok(await views.SummaryAsync(id, range, ct));
    }

    public static async Task<Ok<PostSummary>> PostSummaryAsync(Guid id, string? from, string? to, PostViews views, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var range = ViewQuery.Range(from, to, errors);
        errors.ThrowIfAny();
        return TypedResults.Ok(await views.SummaryAsync(id, range, ct));
    }

    public static async Task<Ok<CampaignCreatorsPage>> CreatorsAsync(
        Guid id, string? from, string? to, string? sort, string? offset, string? limit, CampaignViews views, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var range = ViewQuery.Range(from, to, errors);
        var order = ViewQuery.Sort(sort, errors);
        var (skip, take) = ViewQuery.Paging(offset, limit, errors);
        errors.ThrowIfAny();
        return TypedResults.Ok(await views.CreatorsAsync(id, range, order, skip, take, ct));
    }

    public static async Task<Ok<CampaignTimeseries>> TimeseriesAsync(Guid id, string? from, string? to, CampaignViews views, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var range = ViewQuery.Range(from, to, errors);
        errors.ThrowIfAny();
        return TypedResults.Ok(await views.TimeseriesAsync(id, range, ct));
    }

    public static async Task<Ok<LeaderboardPage>> LeaderboardAsync(
        string? currency, string? from, string? to, string? sort, string? minClicks, string? offset, string? limit, BrandViews views, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var code = ViewQuery.Currency(currency, errors);
        var range = ViewQuery.Range(from, to, errors);
        var order = ViewQuery.Sort(sort, errors);
        var threshold = ViewQuery.MinClicks(minClicks, errors);
        var (skip, take) = ViewQuery.Paging(offset, limit, errors);
        errors.ThrowIfAny();
        return TypedResults.Ok(await views.LeaderboardAsync(code, range, order, threshold, skip, take, ct));
    }

    public static async Task<Ok<TierComparison>> TiersAsync(string? currency, string? from, string? to, BrandViews views, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var code = ViewQuery.Currency(currency, errors);
        var range = ViewQuery.Range(from, to, errors);
        errors.ThrowIfAny();
        return TypedResults.Ok(await views.TiersAsync(code, range, ct));
    }
}

using AmbassadorNet.Analytics.Api.Content;
using AmbassadorNet.Analytics.Api.Experiments;
using AmbassadorNet.Analytics.Api.PaidAds;
using AmbassadorNet.ServiceDefaults.Files;
using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace AmbassadorNet.Analytics.Api;

/// <summary>
/// <c>GET /api/analytics/export.csv?view=…</c>: the rows of one view as CSV, with that view's own
/// parameters. Paged views export every row (up to 10,000) unless offset or limit is given, and
/// then exactly the page the JSON view would answer. The content view takes <c>by</c>: post (the
/// post leaderboard) or a dimension posts are grouped by. paid_ads is the list of paid-ad days,
/// content_vs_paid a campaign's comparison (its rows: creator content, paid-ads total, each channel).
/// </summary>
internal static class ExportEndpoint
{
    public static readonly string[] Views = ["summary", "creators", "timeseries", "leaderboard", "tiers", "content", "experiment", "paid_ads", "content_vs_paid"];

    public static async Task<FileContentHttpResult> ExportAsync(
        string? view, string? by, string? experimentId, string? campaignId, string? creatorId, string? platform, string? format, string? market, string? currency,
        string? channel, string? from, string? to, string? sort, string? minClicks, string? offset, string? limit,
        CampaignViews campaigns, BrandViews brand, ContentViews content, ExperimentViews experiments, PaidAdViews paid, IOptions<JsonOptions> json, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var name = view?.ToLowerInvariant();
        errors.Check(name is not null && Views.Contains(name), "view", $"view must be one of {string.Join(", ", Views)}.");
        var paged = offset is not null || limit is not null;
        var (skip, take) = ViewQuery.Paging(offset, limit, errors, paged ? ViewQuery.DefaultLimit : ViewQuery.MaxExportRows, ViewQuery.MaxExportRows);
        var options = json.Value.SerializerOptions;
        if (name == "content")
        {
            var dimension = ContentDimension.Parse(by);
            errors.Check(string.Equals(by, "post", StringComparison.OrdinalIgnoreCase) || dimension is not null, "by", $"by must be post or one of {ContentDimension.Names}.");
            var request = ContentRequest.Read(currency, from, to, sort, campaignId, creatorId, platform, format, market, errors);
            errors.ThrowIfAny();
            var rows = dimension is null
                ? CsvExport.Write((await content.PostsAsync(request.Filter, request.Currency, request.Range, request.Sort, skip, take, ct)).Items, options)
                : CsvExport.Write((await content.GroupsAsync(dimension, request.Filter, request.Currency, request.Range, request.Sort, skip, take, ct)).Items, options);
            return TypedResults.File(rows, CsvFile.ContentType, CsvExport.FileName(dimension is null ? "content-posts" : $"content-{dimension.Name}"));
        }

        if (name == "experiment")
        {
            errors.Check(experimentId is not null, "experimentId", "The experiment view needs the id of an experiment as experimentId.");
            var experiment = ViewQuery.Id(experimentId, "experimentId", errors);
            errors.ThrowIfAny();
            var report = await experiments.ReportAsync(experiment!.Value, ct);
            return TypedResults.File(CsvExport.Write(report.Variants, options), CsvFile.ContentType, CsvExport.FileName("experiment"));
        }

        if (name == "paid_ads")
        {
            var query = PaidAdEndpoints.ListQuery.Read(campaignId, channel, from, to, errors);
            errors.ThrowIfAny();
            var days = await paid.ListAsync(query.CampaignId, query.Channel, query.Range, skip, take, ct);
            return TypedResults.File(CsvExport.Write(days.Items, options), CsvFile.ContentType, CsvExport.FileName("paid-ads"));
        }

        var perCampaign = name is "summary" or "creators" or "timeseries" or "content_vs_paid";
        var campaign = Guid.TryParse(campaignId, out var parsed) && parsed != Guid.Empty ? parsed : (Guid?)null;
        errors.Check(!perCampaign || campaign is not null, "campaignId", $"The {name} view needs the id of a campaign as campaignId.");
        var code = ViewQuery.Currency(currency, errors);
        var range = ViewQuery.Range(from, to, errors);
        var order = ViewQuery.Sort(sort, errors);
        var threshold = ViewQuery.MinClicks(minClicks, errors);
        errors.ThrowIfAny();
        var csv = name switch
        {
            "summary" => CsvExport.Write([await campaigns.SummaryAsync(campaign!.Value, range, ct)], options),
            "creators" => CsvExport.Write((await campaigns.CreatorsAsync(campaign!.Value, range, order, skip, take, ct)).Items, options),
            "timeseries" => CsvExport.Write((await campaigns.TimeseriesAsync(campaign!.Value, range, ct)).Items, options),
            "leaderboard" => CsvExport.Write(
                (await brand.LeaderboardAsync(code, range, order, threshold, skip, take, ct)).Items, options),
            "content_vs_paid" => CsvExport.Write((await paid.ReportAsync(campaign!.Value, range, ct)).Items, options),
            _ => CsvExport.Write((await brand.TiersAsync(code, range, ct)).Items, options),
        };
        return TypedResults.File(csv, CsvFile.ContentType, CsvExport.FileName(name!.Replace('_', '-')));
    }
}

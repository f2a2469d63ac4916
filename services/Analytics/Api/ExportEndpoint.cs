using AmbassadorNet.Analytics.Api.Content;
using AmbassadorNet.Analytics.Api.Experiments;
using AmbassadorNet.Analytics.Api.PaidAds;
using AmbassadorNet.ServiceDefaults.Files;
using System.Text.Json;

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

    public static async Task<FileContentHttpResult> ExportAsync([AsParameters] ExportQuery query, [AsParameters] ExportSources sources, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var name = query.View?.ToLowerInvariant();
        errors.Check(name is not null && Views.Contains(name), "view", $"view must be one of {string.Join(", ", Views)}.");
        var paged = query.Offset is not null || query.Limit is not null;
        var (skip, take) = ViewQuery.Paging(query.Offset, query.Limit, errors, paged ? ViewQuery.DefaultLimit : ViewQuery.MaxExportRows, ViewQuery.MaxExportRows);
        var export = new Export(query, sources, errors, skip, take, sources.Json.Value.SerializerOptions);
        return name switch
        {
            "content" => await export.ContentAsync(ct),
            "experiment" => await export.ExperimentAsync(ct),
            "paid_ads" => await export.PaidAdsAsync(ct),
            _ => await export.ViewAsync(name, ct),
        };
    }

    /// <summary>One export request: each view reads its own parameters, and any error found so far is answered first.</summary>
    private sealed record Export(ExportQuery Query, ExportSources Sources, FieldErrors Errors, int Skip, int Take, JsonSerializerOptions Json)
    {
        public async Task<FileContentHttpResult> ContentAsync(CancellationToken ct)
        {
            var dimension = ContentDimension.Parse(Query.By);
            Errors.Check(string.Equals(Query.By, "post", StringComparison.OrdinalIgnoreCase) || dimension is not null, "by", $"by must be post or one of {ContentDimension.Names}.");
            var request = ContentRequest.Read(Query.Currency, Query.From, Query.To, Query.Sort, Query.CampaignId, Query.CreatorId, Query.Platform, Query.Format, Query.Market, Errors);
            Errors.ThrowIfAny();
            var rows = dimension is null
                ? CsvExport.Write((await Sources.Content.PostsAsync(request.Filter, request.Currency, request.Range, request.Sort, Skip, Take, ct)).Items, Json)
                : CsvExport.Write((await Sources.Content.GroupsAsync(dimension, request.Filter, request.Currency, request.Range, request.Sort, Skip, Take, ct)).Items, Json);
            return File(rows, dimension is null ? "content-posts" : $"content-{dimension.Name}");
        }

        public async Task<FileContentHttpResult> ExperimentAsync(CancellationToken ct)
        {
            Errors.Check(Query.ExperimentId is not null, "experimentId", "The experiment view needs the id of an experiment as experimentId.");
            var experiment = ViewQuery.Id(Query.ExperimentId, "experimentId", Errors);
            Errors.ThrowIfAny();
            var report = await Sources.Experiments.ReportAsync(experiment!.Value, ct);
            return File(CsvExport.Write(report.Variants, Json), "experiment");
        }

        public async Task<FileContentHttpResult> PaidAdsAsync(CancellationToken ct)
        {
            var list = PaidAdEndpoints.ListQuery.Read(Query.CampaignId, Query.Channel, Query.From, Query.To, Errors);
            Errors.ThrowIfAny();
            var days = await Sources.Paid.ListAsync(list.CampaignId, list.Channel, list.Range, Skip, Take, ct);
            return File(CsvExport.Write(days.Items, Json), "paid-ads");
        }

        /// <summary>The campaign views (summary, creators, timeseries, content_vs_paid) and the brand's (leaderboard, tiers).</summary>
        public async Task<FileContentHttpResult> ViewAsync(string? name, CancellationToken ct)
        {
            var perCampaign = name is "summary" or "creators" or "timeseries" or "content_vs_paid";
            var campaign = Guid.TryParse(Query.CampaignId, out var parsed) && parsed != Guid.Empty ? parsed : (Guid?)null;
            Errors.Check(!perCampaign || campaign is not null, "campaignId", $"The {name} view needs the id of a campaign as campaignId.");
            var code = ViewQuery.Currency(Query.Currency, Errors);
            var range = ViewQuery.Range(Query.From, Query.To, Errors);
            var order = ViewQuery.Sort(Query.Sort, Errors);
            var threshold = ViewQuery.MinClicks(Query.MinClicks, Errors);
            Errors.ThrowIfAny();
            var csv = name switch
            {
                "summary" => CsvExport.Write([await Sources.Campaigns.SummaryAsync(campaign!.Value, range, ct)], Json),
                "creators" => CsvExport.Write((await Sources.Campaigns.CreatorsAsync(campaign!.Value, range, order, Skip, Take, ct)).Items, Json),
                "timeseries" => CsvExport.Write((await Sources.Campaigns.TimeseriesAsync(campaign!.Value, range, ct)).Items, Json),
                "leaderboard" => CsvExport.Write((await Sources.Brand.LeaderboardAsync(code, range, order, threshold, Skip, Take, ct)).Items, Json),
                "content_vs_paid" => CsvExport.Write((await Sources.Paid.ReportAsync(campaign!.Value, range, ct)).Items, Json),
                _ => CsvExport.Write((await Sources.Brand.TiersAsync(code, range, ct)).Items, Json),
            };
            return File(csv, name!.Replace('_', '-'));
        }

        private static FileContentHttpResult File(byte[] rows, string name) => TypedResults.File(rows, CsvFile.ContentType, CsvExport.FileName(name));
    }
}

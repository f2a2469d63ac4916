using AmbassadorNet.ServiceDefaults.Files;
using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace AmbassadorNet.Analytics.Api;

/// <summary>
/// <c>GET /api/analytics/export.csv?view=…</c>: the rows of one view as CSV, with that view's own
/// parameters. Paged views export every row (up to 10,000) unless offset or limit is given, and
/// then exactly the page the JSON view would answer.
/// </summary>
internal static class ExportEndpoint
{
    public static readonly string[] Views = ["summary", "creators", "timeseries", "leaderboard", "tiers"];

    public static async Task<FileContentHttpResult> ExportAsync(
        string? view, string? campaignId, string? currency, string? from, string? to, string? sort, string? minClicks, string? offset, string? limit,
        CampaignViews campaigns, BrandViews brand, IOptions<JsonOptions> json, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var name = view?.ToLowerInvariant();
        errors.Check(name is not null && Views.Contains(name), "view", $"view must be one of {string.Join(", ", Views)}.");
        var perCampaign = name is "summary" or "creators" or "timeseries";
        var campaign = Guid.TryParse(campaignId, out var parsed) && parsed != Guid.Empty ? parsed : (Guid?)null;
        errors.Check(!perCampaign || campaign is not null, "campaignId", $"The {name} view needs the id of a campaign as campaignId.");
        var code = ViewQuery.Currency(currency, errors);
        var range = ViewQuery.Range(from, to, errors);
        var order = ViewQuery.Sort(sort, errors);
        var threshold = ViewQuery.MinClicks(minClicks, errors);
        var paged = offset is not null || limit is not null;
        var (skip, take) = ViewQuery.Paging(offset, limit, errors, paged ? ViewQuery.DefaultLimit : ViewQuery.MaxExportRows, ViewQuery.MaxExportRows);
        errors.ThrowIfAny();

        var options = json.Value.SerializerOptions;
        var csv = name switch
        {
            "summary" => CsvExport.Write([await campaigns.SummaryAsync(campaign!.Value, range, ct)], options),
            "creators" => CsvExport.Write((await campaigns.CreatorsAsync(campaign!.Value, range, order, skip, take, ct)).Items, options),
            "timeseries" => CsvExport.Write((await campaigns.TimeseriesAsync(campaign!.Value, range, ct)).Items, options),
            "leaderboard" => CsvExport.Write(
                (await brand.LeaderboardAsync(code, range, order, threshold, skip, take, ct)).Items, options),
            _ => CsvExport.Write((await brand.TiersAsync(code, range, ct)).Items, options),
        };
        return TypedResults.File(csv, CsvFile.ContentType, CsvExport.FileName(name!));
    }
}

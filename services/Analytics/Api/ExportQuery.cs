using AmbassadorNet.Analytics.Api.Content;
using AmbassadorNet.Analytics.Api.Experiments;
using AmbassadorNet.Analytics.Api.PaidAds;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace AmbassadorNet.Analytics.Api;

/// <summary>
/// The query of <c>GET /api/analytics/export.csv</c>: which view, and that view's own parameters (each view reads
/// the ones it takes). Kept as text, so a malformed value is a problem naming its field rather than a bare 400.
/// </summary>
public sealed record ExportQuery(
    [property: FromQuery(Name = "view")] string? View,
    [property: FromQuery(Name = "by")] string? By,
    [property: FromQuery(Name = "experimentId")] string? ExperimentId,
    [property: FromQuery(Name = "campaignId")] string? CampaignId,
    [property: FromQuery(Name = "creatorId")] string? CreatorId,
    [property: FromQuery(Name = "platform")] string? Platform,
    [property: FromQuery(Name = "format")] string? Format,
    [property: FromQuery(Name = "market")] string? Market,
    [property: FromQuery(Name = "currency")] string? Currency,
    [property: FromQuery(Name = "channel")] string? Channel,
    [property: FromQuery(Name = "from")] string? From,
    [property: FromQuery(Name = "to")] string? To,
    [property: FromQuery(Name = "sort")] string? Sort,
    [property: FromQuery(Name = "minClicks")] string? MinClicks,
    [property: FromQuery(Name = "offset")] string? Offset,
    [property: FromQuery(Name = "limit")] string? Limit);

/// <summary>The read models an export draws on, and the API's JSON settings its CSV columns follow.</summary>
public sealed record ExportSources(
    CampaignViews Campaigns, BrandViews Brand, ContentViews Content, ExperimentViews Experiments, PaidAdViews Paid, IOptions<JsonOptions> Json);

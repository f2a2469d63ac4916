namespace AmbassadorNet.Tracking.Domain;

/// <summary>
/// A click is a bot's when it is a HEAD request (link checkers, unfurlers) or its user agent names a
/// crawler or a link-preview fetcher: these are not people and must not count as unique clicks.
/// </summary>
public static class BotDetector
{
    private static readonly string[] Markers =
    [
        "facebookexternalhit", "facebot", "twitterbot", "slackbot", "slack-imgproxy", "whatsapp", "discordbot", "linkedinbot",
        "googlebot", "bingbot", "applebot", "telegrambot", "pinterest", "redditbot", "skypeuripreview", "embedly",
        "curl/", "wget/", "python-requests", "go-http-client", "headlesschrome", "bot/", "crawler", "spider",
    ];

    public static bool IsBot(string method, string? userAgent) =>
        HttpMethods.IsHead(method)
        || userAgent is not null && Markers.Any(m => userAgent.Contains(m, StringComparison.OrdinalIgnoreCase))
        || userAgent is not null && userAgent.StartsWith("curl", StringComparison.OrdinalIgnoreCase)
        || userAgent is not null && userAgent.StartsWith("wget", StringComparison.OrdinalIgnoreCase);
}

namespace AmbassadorNet.PartnerApi;

/// <summary>The problem types of the HTTP API that gRPC errors carry too.</summary>
public static class ProblemTypes
{
    /// <summary>ASP.NET Core's default type per status (RFC 9110's section), which every HTTP problem without a URN of ours carries.</summary>
    public static string ForStatus(int status) => status switch
    {
        400 => "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        401 => "https://tools.ietf.org/html/rfc9110#section-15.5.2",
        403 => "https://tools.ietf.org/html/rfc9110#section-15.5.4",
        404 => "https://tools.ietf.org/html/rfc9110#section-15.5.5",
        405 => "https://tools.ietf.org/html/rfc9110#section-15.5.6",
        409 => "https://tools.ietf.org/html/rfc9110#section-15.5.10",
        412 => "https://tools.ietf.org/html/rfc9110#section-15.5.13",
        413 => "https://tools.ietf.org/html/rfc9110#section-15.5.14",
        416 => "https://tools.ietf.org/html/rfc9110#section-15.5.17",
        422 => "https://tools.ietf.org/html/rfc9110#section-15.5.21",
        429 => "https://tools.ietf.org/html/rfc6585#section-4",
        502 => "https://tools.ietf.org/html/rfc9110#section-15.6.3",
        503 => "https://tools.ietf.org/html/rfc9110#section-15.6.4",
        504 => "https://tools.ietf.org/html/rfc9110#section-15.6.5",
        _ => "https://tools.ietf.org/html/rfc9110#section-15.6.1",
    };

    /// <summary>ErrorInfo's reason: the word after our URN prefix, or the status's name for an RFC type ("unauthorized").</summary>
    public static string ReasonOf(string type, int status) =>
        type.StartsWith(PartnerErrors.TypePrefix, StringComparison.Ordinal)
            ? type[PartnerErrors.TypePrefix.Length..]
            : (System.Net.HttpStatusCode)status switch
            {
                System.Net.HttpStatusCode.BadRequest => "bad-request",
                System.Net.HttpStatusCode.Unauthorized => "unauthorized",
                System.Net.HttpStatusCode.Forbidden => "forbidden",
                System.Net.HttpStatusCode.NotFound => "not-found",
                System.Net.HttpStatusCode.MethodNotAllowed => "method-not-allowed",
                System.Net.HttpStatusCode.Conflict => "conflict",
                System.Net.HttpStatusCode.RequestEntityTooLarge => "payload-too-large",
                System.Net.HttpStatusCode.TooManyRequests => "too-many-requests",
                System.Net.HttpStatusCode.BadGateway => "bad-gateway",
                System.Net.HttpStatusCode.ServiceUnavailable => "service-unavailable",
                System.Net.HttpStatusCode.GatewayTimeout => "gateway-timeout",
                _ => "internal",
            };
}

namespace AmbassadorNet.ServiceDefaults.OpenApi;

/// <summary>The names the document transformer defines and the operation transformers refer to.</summary>
internal static class ContractVocabulary
{
    public const string ApiKeyScheme = "ApiKey";
    public const string ProblemSchema = "ProblemDetails";
    public const string ProblemMediaType = "application/problem+json";

    /// <summary>Each problem an operation can answer, as a reusable response of the document.</summary>
    public static IReadOnlyList<(int Status, string Id, string Description)> Problems { get; } =
    [
        (400, "BadRequest", "The request is malformed or a field is invalid; `errors` names the fields."),
        (401, "Unauthorized", "No API key, or one that is unknown, revoked or expired."),
        (403, "Forbidden", "The key's roles are not in this operation's row of the role table."),
        (404, "NotFound", "The resource does not exist, or belongs to another brand."),
        (409, "Conflict", "An illegal state change, or an Idempotency-Key reused with another request or still in flight."),
        (422, "UnprocessableContent", "Well-formed, but the business rules refuse it; `type` says which rule."),
        (429, "TooManyRequests", "The key (or, without a key, the client address) is over its rate limit; retry after Retry-After seconds."),
    ];

    /// <summary>Tags that building blocks put on every service's endpoints.</summary>
    public static IReadOnlyDictionary<string, string> SharedTags { get; } = new Dictionary<string, string>
    {
        ["Operations"] = "For the system operator only (operator key): error queues, parked messages, re-publishing events, runtime figures. Reached at /ops/{service}/... through the gateway.",
    };

    public static string ResponseId(int status) => Problems.First(problem => problem.Status == status).Id;
}

namespace AmbassadorNet.Tracking.Api;

/// <summary>Problems a partner's code branches on, so each has a stable type (listed in docs/partners.md).</summary>
internal static class Problems
{
    public const string TypePrefix = "urn:ambassadornet:problem:";

    public static ProblemHttpResult Typed(int status, string type, string title, string detail, Dictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(detail, statusCode: status, title: title, type: TypePrefix + type, extensions: extensions);
}

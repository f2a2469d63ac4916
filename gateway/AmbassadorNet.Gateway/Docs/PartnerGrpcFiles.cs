using System.Net;

namespace AmbassadorNet.Gateway.Docs;

/// <summary>
/// The partner gRPC API on the API page: its services beside the OpenAPI documents, each with its
/// .proto file, served by the gateway from the copy of proto/ built into it (so the page and the
/// files are those of the running version) at <c>/proto/ambassadornet/partner/v1/{file}</c>.
/// </summary>
internal static class PartnerGrpcFiles
{
    public const string Folder = "/proto/ambassadornet/partner/v1";

    private const string ResourcePrefix = "AmbassadorNet.Gateway.Proto.";

    /// <summary>The gRPC services, their file and what they are for (docs/partners.md#grpc).</summary>
    public static IReadOnlyList<(string Service, string File, string Purpose)> Services { get; } =
    [
        ("ambassadornet.partner.v1.EventStream", "events.proto", "the brand's events, resumable from a position (role events)"),
        ("ambassadornet.partner.v1.OrderStream", "orders.proto", "orders and refunds on one stream (role partner)"),
    ];

    public static IEndpointRouteBuilder MapPartnerGrpcFiles(this IEndpointRouteBuilder app)
    {
        var files = Services.ToDictionary(s => s.File, s => Read(s.File), StringComparer.Ordinal);
        app.MapGet(Folder + "/{file}", (string file) => files.TryGetValue(file, out var text)
                ? Results.Text(text, "text/plain; charset=utf-8")
                : Results.Problem($"No {file} in {Folder}; the files are {string.Join(", ", files.Keys)}.", statusCode: 404, title: "Not found"))
            .AllowAnonymous()
            .ExcludeFromDescription();
        return app;
    }

    /// <summary>A list the API page shows above Swagger UI: the gRPC services and their files.</summary>
    public static string PageHead()
    {
        var items = string.Join("", Services.Select(s =>
            $"<li><code>{WebUtility.HtmlEncode(s.Service)}</code>: {WebUtility.HtmlEncode(s.Purpose)} (<a href=\"{Folder}/{s.File}\">{s.File}</a>)</li>"));
        var html = $"<p><strong>gRPC</strong> (the gateway's gRPC port, HTTP/2; guide: docs/partners.md#grpc)</p><ul>{items}</ul>";
        return "<script>window.addEventListener('load',function(){var d=document.createElement('div');d.id='grpc-services';" +
            "d.style.cssText='font-family:sans-serif;max-width:1460px;margin:8px auto;padding:0 20px';" +
            $"d.innerHTML={System.Text.Json.JsonSerializer.Serialize(html)};document.body.insertBefore(d,document.body.firstChild);}});</script>";
    }

    private static string Read(string file)
    {
        var name = ResourcePrefix + file;
        using var stream = typeof(PartnerGrpcFiles).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"{name} is not built into the gateway (see its project file).");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

using System.Diagnostics;
using System.Text;
using AmbassadorNet.PartnerApi;
using Google.Protobuf;

namespace AmbassadorNet.Gateway.Access;

/// <summary>
/// The gateway's refusals of a gRPC call, in gRPC's terms: a trailers-only answer whose status code
/// stands for the HTTP status the same refusal has on the HTTP API, and whose google.rpc.Status
/// detail carries the same problem type, title and trace id (<see cref="PartnerErrors"/>).
/// </summary>
internal static class GrpcRefusal
{
    public static bool IsGrpc(HttpRequest request) =>
        request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true;

    public static Task WriteAsync(HttpContext context, int httpStatus, string title, string detail)
    {
        // No route is no method: UNIMPLEMENTED, as a gRPC server answers an unknown method.
        var code = httpStatus is 404 or 405 ? Grpc.Core.StatusCode.Unimplemented : (Grpc.Core.StatusCode?)null;
        var status = PartnerErrors.ToStatus(httpStatus, title, detail, code: code, traceId: Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier);
        var response = context.Response;
        // gRPC answers 200 and puts the outcome in grpc-status; with no message, these headers are the trailers.
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/grpc";
        response.Headers["grpc-status"] = status.Code.ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.Headers["grpc-message"] = PercentEncoded(detail);
        response.Headers["grpc-status-details-bin"] = Convert.ToBase64String(status.ToByteArray());
        return Task.CompletedTask;
    }

    /// <summary>grpc-message's encoding: UTF-8, with '%' and every byte outside printable ASCII as %XX.</summary>
    private static string PercentEncoded(string message)
    {
        var encoded = new StringBuilder(message.Length);
        foreach (var b in Encoding.UTF8.GetBytes(message))
        {
            if (b is >= 0x20 and <= 0x7E and not (byte)'%')
            {
                encoded.Append((char)b);
            }
            else
            {
                encoded.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return encoded.ToString();
    }
}

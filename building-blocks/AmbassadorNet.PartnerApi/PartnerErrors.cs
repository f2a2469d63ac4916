using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace AmbassadorNet.PartnerApi;

/// <summary>
/// Errors of the partner gRPC API in the HTTP API's words: a gRPC status code for the HTTP status,
/// and a google.rpc.Status whose ErrorInfo carries the problem type (the same URN or RFC 9110 link as
/// the HTTP answer's <c>type</c>), its title and HTTP status, plus BadRequest field violations for a
/// validation error. Clients read it from the <c>grpc-status-details-bin</c> trailer.
/// </summary>
public static class PartnerErrors
{
    public const string Domain = "ambassadornet";

    /// <summary>The types our problems share with the HTTP API (docs/partners.md lists them).</summary>
    public const string TypePrefix = "urn:ambassadornet:problem:";

    /// <param name="code">The gRPC code when the HTTP status alone does not say it (OUT_OF_RANGE has no HTTP twin).</param>
    public static RpcException Create(
        int httpStatus, string title, string detail, string? type = null, IReadOnlyDictionary<string, string[]>? fieldErrors = null, StatusCode? code = null) =>
        ToStatus(httpStatus, title, detail, type, fieldErrors, code).ToRpcException();

    /// <param name="traceId">The trace to quote to support, as HTTP problems carry it.</param>
    public static Google.Rpc.Status ToStatus(
        int httpStatus, string title, string detail, string? type = null, IReadOnlyDictionary<string, string[]>? fieldErrors = null, StatusCode? code = null,
        string? traceId = null)
    {
        type ??= ProblemTypes.ForStatus(httpStatus);
        var info = new ErrorInfo { Reason = ProblemTypes.ReasonOf(type, httpStatus), Domain = Domain };
        info.Metadata.Add("type", type);
        info.Metadata.Add("title", title);
        info.Metadata.Add("status", httpStatus.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (traceId is not null)
        {
            info.Metadata.Add("traceId", traceId);
        }
        var status = new Google.Rpc.Status { Code = (int)(code ?? CodeFor(httpStatus)), Message = detail, Details = { Any.Pack(info) } };
        if (fieldErrors is { Count: > 0 })
        {
            var badRequest = new BadRequest();
            foreach (var (field, messages) in fieldErrors)
            {
                badRequest.FieldViolations.AddRange(messages.Select(message => new BadRequest.Types.FieldViolation { Field = field, Description = message }));
            }

            status.Details.Add(Any.Pack(badRequest));
        }

        return status;
    }

    /// <summary>The gRPC code of an HTTP status, as gRPC's own HTTP mapping and the google.rpc code comments pair them.</summary>
    public static StatusCode CodeFor(int httpStatus) => httpStatus switch
    {
        400 or 413 => StatusCode.InvalidArgument,
        401 => StatusCode.Unauthenticated,
        403 => StatusCode.PermissionDenied,
        404 => StatusCode.NotFound,
        405 => StatusCode.Unimplemented,
        409 => StatusCode.AlreadyExists,
        412 or 422 => StatusCode.FailedPrecondition,
        416 => StatusCode.OutOfRange,
        429 => StatusCode.ResourceExhausted,
        499 => StatusCode.Cancelled,
        502 or 503 => StatusCode.Unavailable,
        504 => StatusCode.DeadlineExceeded,
        _ => StatusCode.Internal,
    };

    /// <summary>The ErrorInfo of an error, if it carries one.</summary>
    public static ErrorInfo? InfoOf(RpcException error) => error.GetRpcStatus()?.GetDetail<ErrorInfo>();
}

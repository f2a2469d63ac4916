using Microsoft.AspNetCore.Mvc;

namespace AmbassadorNet.Gateway.Access;

/// <summary>
/// The gateway's own refusals, as RFC 9457 problem details carrying the trace id like every
/// service's; a gRPC call gets the same refusal as a gRPC status (<see cref="GrpcRefusal"/>).
/// </summary>
internal static class GatewayProblems
{
    public static async Task WriteAsync(HttpContext context, int status, string title, string detail)
    {
        if (GrpcRefusal.IsGrpc(context.Request))
        {
            await GrpcRefusal.WriteAsync(context, status, title, detail);
            return;
        }

        context.Response.StatusCode = status;
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }
}

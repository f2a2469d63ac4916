using Microsoft.AspNetCore.Mvc;

namespace AmbassadorNet.Gateway.Access;

/// <summary>The gateway's own refusals, as RFC 9457 problem details carrying the trace id like every service's.</summary>
internal static class GatewayProblems
{
    public static async Task WriteAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }
}

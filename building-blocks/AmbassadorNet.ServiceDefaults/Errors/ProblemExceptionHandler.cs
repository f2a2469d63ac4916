using System.Text.Json;
using AmbassadorNet.Persistence.Pagination;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace AmbassadorNet.ServiceDefaults.Errors;

/// <summary>
/// Turns exceptions into problem details: known ones into 400, 404 or 409 with what the client
/// can act on, a database that cannot be reached into a 503 the client may retry, everything else
/// into a 500 that says nothing about the internals (the log has the stack trace, the response has
/// the trace id to find it).
/// </summary>
internal sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    /// <summary>Seconds a client is asked to wait after a 503: a database restart takes a few.</summary>
    private const string RetryAfterSeconds = "5";

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var problem = Describe(exception);
        if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            logger.LogWarning(exception, "Database unavailable on {Method} {Path}", context.Request.Method, context.Request.Path);
            context.Response.Headers.RetryAfter = RetryAfterSeconds;
        }
        else if (problem.Status >= 500)
        {
            logger.LogError(exception, "Unhandled error on {Method} {Path}", context.Request.Method, context.Request.Path);
        }

        context.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = null });
    }

    private static ProblemDetails Describe(Exception exception) => exception switch
    {
        ProblemException known => WithExtensions(known switch
        {
            RequestValidationException invalid => new HttpValidationProblemDetails(invalid.Errors) { Status = 400, Title = invalid.Title, Detail = invalid.Message },
            _ => new ProblemDetails { Status = known.Status, Title = known.Title, Detail = known.Message },
        }, known.Extensions),
        InvalidCursorException cursor => new HttpValidationProblemDetails(new Dictionary<string, string[]> { ["cursor"] = [cursor.Message] })
        {
            Status = 400, Title = "One or more validation errors occurred.",
        },
        BadHttpRequestException { InnerException: JsonException json } => BadRequest($"The request body is not valid JSON: {json.Message}"),
        BadHttpRequestException bad => new ProblemDetails { Status = bad.StatusCode, Title = "Bad request", Detail = bad.Message },
        JsonException json => BadRequest($"The request body is not valid JSON: {json.Message}"),
        _ when IsNumberOutOfRange(exception) => BadRequest(
            "A number in the request is too large to compute with or to store; nothing was stored."),
        _ when IsTextPostgresCannotStore(exception) => BadRequest(
            "A text field holds characters that cannot be stored (a NUL or an unpaired surrogate); nothing was stored."),
        _ when TransientFailures.IsTransient(exception) => new ProblemDetails
        {
            Status = 503, Title = "Service unavailable",
            Detail = "The service's database cannot be reached for the moment. Retry after a few seconds; a command retried with the same Idempotency-Key is applied once.",
        },
        _ => new ProblemDetails { Status = 500, Title = "An unexpected error occurred", Detail = "The error was logged; quote the traceId when reporting it." },
    };

    /// <summary>
    /// JSON lets a string carry "\u0000" or a lone "\ud800"; UTF-8 text in PostgreSQL cannot hold
    /// either, so the write fails (and rolls back). That is the client's input, not our fault.
    /// </summary>
    private static bool IsTextPostgresCannotStore(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is System.Text.EncoderFallbackException || e is Npgsql.PostgresException { SqlState: "22021" or "22P05" })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Every money field is bounded where it is read (<see cref="MoneyChecks"/>); this is the net under
    /// them: a decimal overflow in our arithmetic or PostgreSQL's numeric_value_out_of_range (22003)
    /// comes from a number the client sent, and the transaction was rolled back.
    /// </summary>
    private static bool IsNumberOutOfRange(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is OverflowException || e is Npgsql.PostgresException { SqlState: "22003" })
            {
                return true;
            }
        }

        return false;
    }

    private static ProblemDetails WithExtensions(ProblemDetails problem, IDictionary<string, object?> extensions)
    {
        foreach (var (name, value) in extensions)
        {
            problem.Extensions[name] = value;
        }

        return problem;
    }

    private static ProblemDetails BadRequest(string detail) => new() { Status = 400, Title = "Bad request", Detail = detail };
}

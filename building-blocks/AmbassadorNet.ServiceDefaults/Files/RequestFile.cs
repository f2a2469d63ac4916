using AmbassadorNet.Security;
using AmbassadorNet.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Http;

namespace AmbassadorNet.ServiceDefaults.Files;

/// <summary>
/// A file posted as the request body (text/csv), read whole but never past
/// <see cref="RequestBodyLimits.File"/>, the size the gateway lets through on the routes that take one.
/// </summary>
public static class RequestFile
{
    public const string Field = "file";

    public static async Task<byte[]> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var tooLarge = new RequestValidationException(Field, $"At most {RequestBodyLimits.Describe(RequestBodyLimits.File)}.");
        if (request.ContentLength > RequestBodyLimits.File)
        {
            throw tooLarge;
        }

        using var body = new MemoryStream();
        var buffer = new byte[64 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (body.Length + read > RequestBodyLimits.File)
            {
                throw tooLarge;
            }

            body.Write(buffer, 0, read);
        }

        return body.ToArray();
    }
}

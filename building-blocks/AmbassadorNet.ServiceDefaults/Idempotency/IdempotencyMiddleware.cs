using System.Security.Cryptography;
using System.Text.Json;
using AmbassadorNet.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace AmbassadorNet.ServiceDefaults.Idempotency;

/// <summary>
/// Stripe-style idempotency for commands marked <c>.Idempotent()</c>: the first request with an
/// Idempotency-Key runs and its response is stored; the same key and request again gets the stored
/// response (with <c>Idempotent-Replayed: true</c>); the same key with another request is a 409; a
/// request arriving while the first still runs waits for it and then gets its response. Responses
/// of 5xx are not stored, so a retry after our failure runs the command again. A key lives for
/// Idempotency:Retention; after that the same key is a new request (and the sweeper deletes the row).
/// </summary>
internal sealed class IdempotencyMiddleware(
    RequestDelegate next, IdempotencyStore store, TimeProvider clock, IProblemDetailsService problems,
    IOptions<IdempotencyOptions> options, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
{
    public const string Header = "Idempotency-Key";

    /// <summary>The stored key's length (idempotency_keys.key), a creator's scope included.</summary>
    private const int MaxKeyLength = 255;
    private static readonly TimeSpan ConcurrentWait = TimeSpan.FromSeconds(15);

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<IdempotentCommand>() is null
            || !context.Request.Headers.TryGetValue(Header, out var header)
            || !Guid.TryParse(context.User.FindFirst(InternalToken.BrandClaim)?.Value, out var brand))
        {
            await next(context);
            return;
        }

        // A creator credential's keys are its creator's alone: /api/me paths name no creator, so two creators
        // of a brand sending one key and body must not be served each other's stored response.
        var scope = context.User.GetCreatorId() is { } creator ? $"creator:{creator:N}:" : "";
        var maxLength = MaxKeyLength - scope.Length;
        var key = header.ToString();
        if (key.Length == 0 || key.Length > maxLength)
        {
            await ProblemAsync(context, 400, $"The {Header} header must be 1 to {maxLength} characters.");
            return;
        }

        key = scope + key;

        var hash = await HashRequestAsync(context.Request);
        var cancellationToken = context.RequestAborted;
        var now = clock.GetUtcNow();
        if (await store.TryClaimAsync(brand, key, hash, now, now - options.Value.Retention, cancellationToken))
        {
            await RunAndStoreAsync(context, brand, key, cancellationToken);
            return;
        }

        var stored = await WaitForCompletionAsync(brand, key, cancellationToken);
        if (stored is null)
        {
            await ProblemAsync(context, 409, "The first request with this Idempotency-Key failed and released it; send the request again.");
        }
        else if (stored.RequestHash != hash)
        {
            await ProblemAsync(context, 409, "This Idempotency-Key was already used with a different request.");
        }
        else if (stored.CompletedAt is null)
        {
            await ProblemAsync(context, 409, "A request with this Idempotency-Key is still being processed; retry later.");
        }
        else
        {
            await ReplayAsync(context, stored);
        }
    }

    private async Task RunAndStoreAsync(HttpContext context, Guid brand, string key, CancellationToken cancellationToken)
    {
        var original = context.Response.Body;
        using var captured = new MemoryStream();
        context.Response.Body = captured;
        try
        {
            await next(context);
        }
        catch
        {
            context.Response.Body = original;
            await store.ForgetAsync(brand, key, CancellationToken.None);
            throw;
        }

        context.Response.Body = original;
        if (context.Response.StatusCode >= 500)
        {
            await store.ForgetAsync(brand, key, CancellationToken.None);
        }
        else
        {
            await store.CompleteAsync(new IdempotencyRecord
            {
                BrandId = brand,
                Key = key,
                StatusCode = context.Response.StatusCode,
                ContentType = context.Response.ContentType,
                Location = context.Response.Headers.Location.ToString() is { Length: > 0 } location ? location : null,
                ResponseBody = context.Features.Get<ReplayBody>() is { } replay
                    ? JsonSerializer.SerializeToUtf8Bytes(replay.Value, replay.Value.GetType(), json.Value.SerializerOptions)
                    : captured.ToArray(),
            }, clock.GetUtcNow(), CancellationToken.None);
        }

        captured.Position = 0;
        await captured.CopyToAsync(original, cancellationToken);
    }

    private async Task<IdempotencyRecord?> WaitForCompletionAsync(Guid brand, string key, CancellationToken cancellationToken)
    {
        var deadline = clock.GetUtcNow() + ConcurrentWait;
        while (true)
        {
            var stored = await store.FindAsync(brand, key, cancellationToken);
            if (stored?.CompletedAt is not null || stored is null || clock.GetUtcNow() > deadline)
            {
                return stored;
            }

            await Task.Delay(50, cancellationToken);
        }
    }

    private static async Task ReplayAsync(HttpContext context, IdempotencyRecord stored)
    {
        context.Response.StatusCode = stored.StatusCode!.Value;
        context.Response.Headers["Idempotent-Replayed"] = "true";
        if (stored.ContentType is not null)
        {
            context.Response.ContentType = stored.ContentType;
        }

        if (stored.Location is not null)
        {
            context.Response.Headers.Location = stored.Location;
        }

        if (stored.ResponseBody is { Length: > 0 } body)
        {
            await context.Response.Body.WriteAsync(body, context.RequestAborted);
        }
    }

    private static async Task<string> HashRequestAsync(HttpRequest request)
    {
        request.EnableBuffering();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(System.Text.Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString}\n"));
        var buffer = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, request.HttpContext.RequestAborted)) > 0)
        {
            hash.AppendData(buffer, 0, read);
        }

        request.Body.Position = 0;
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private Task ProblemAsync(HttpContext context, int status, string detail)
    {
        context.Response.StatusCode = status;
        return problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Title = status == 409 ? "Conflict" : "Bad request", Detail = detail },
        }).AsTask();
    }
}

using Microsoft.AspNetCore.Http;

namespace AmbassadorNet.ServiceDefaults.Idempotency;

/// <summary>What a command asked to be stored for replays instead of its response body (<see cref="IdempotencyReplay.ReplayInstead"/>).</summary>
internal sealed record ReplayBody(object Value);

public static class IdempotencyReplay
{
    /// <summary>
    /// Stores <paramref name="value"/> (as JSON, with the response's status and headers) for replays
    /// of this request instead of the body being sent: for an answer that shows something once, such
    /// as a secret, which must not be kept for whoever sends the same Idempotency-Key again.
    /// </summary>
    public static void ReplayInstead(this HttpContext context, object value) => context.Features.Set(new ReplayBody(value));
}

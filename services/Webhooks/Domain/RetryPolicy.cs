namespace AmbassadorNet.Webhooks.Domain;

/// <summary>What an attempt's result means for the delivery.</summary>
public enum Verdict
{
    Delivered,
    Retry,
    Fail,
    Gone,
}

/// <summary>
/// The retry rules, with no I/O: network errors, timeouts, 408, 429 and 5xx are retried on the
/// schedule; 410 stops for good and disables the subscription; any other answer outside 2xx
/// (other 4xx, and 3xx: redirects are not followed, a moved endpoint will not move back by itself)
/// fails at once.
/// </summary>
public sealed class RetryPolicy(IReadOnlyList<TimeSpan> schedule, double jitter, TimeSpan maxRetryAfter)
{
    public static Verdict Classify(int? statusCode, bool destinationRefused) => statusCode switch
    {
        null => destinationRefused ? Verdict.Fail : Verdict.Retry,
        >= 200 and < 300 => Verdict.Delivered,
        410 => Verdict.Gone,
        408 or 429 or >= 500 => Verdict.Retry,
        _ => Verdict.Fail,
    };

    /// <summary>
    /// When to try again after the <paramref name="attemptsInRun"/>-th attempt failed, or null when the
    /// schedule is used up. A Retry-After (capped) is a floor under the jittered delay.
    /// </summary>
    public DateTimeOffset? NextAttemptAt(int attemptsInRun, DateTimeOffset now, TimeSpan? retryAfter, double random)
    {
        if (attemptsInRun > schedule.Count)
        {
            return null;
        }

        var delay = schedule[attemptsInRun - 1] * (1 + (jitter * ((2 * random) - 1)));
        if (retryAfter is { } asked)
        {
            var floor = asked > maxRetryAfter ? maxRetryAfter : asked;
            delay = delay > floor ? delay : floor;
        }

        return now + delay;
    }
}

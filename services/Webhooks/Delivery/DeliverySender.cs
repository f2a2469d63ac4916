using System.Text;
using AmbassadorNet.Webhooks.Secrets;
using AmbassadorNet.Webhooks.Security;

namespace AmbassadorNet.Webhooks.Delivery;

/// <summary>
/// One HTTP attempt, signed for the moment it is sent (webhook-timestamp is the attempt's time, so a
/// retry or replay is signed again). Cancellation by <paramref name="stopping"/> propagates: an
/// attempt cut short by shutdown is not logged, and its lease brings it back.
/// </summary>
public sealed class DeliverySender(IHttpClientFactory clients, SigningSecretProtector secrets, TimeProvider clock, IOptions<WebhookOptions> options)
{
    public async Task<AttemptResult> SendAsync(WebhookDelivery delivery, WebhookSubscription subscription, CancellationToken stopping)
    {
        var attemptedAt = clock.GetUtcNow();
        var timestamp = attemptedAt.ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Url)
        {
            Content = new StringContent(delivery.Payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("webhook-id", delivery.WebhookId);
        request.Headers.Add("webhook-timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", WebhookSigner.Sign(delivery.WebhookId, timestamp, delivery.Payload, subscription.SigningSecrets(attemptedAt).Select(secrets.Unprotect)));

        var started = clock.GetTimestamp();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        timeout.CancelAfter(options.Value.RequestTimeout); // covers the body too, which HttpClient.Timeout does not after the headers
        try
        {
            using var response = await clients.CreateClient(DeliveryRegistration.HttpClientName)
                .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var body = await ReadStartAsync(response, BodyLimitFor(request.RequestUri!), timeout.Token);
            return new AttemptResult(attemptedAt, (int)response.StatusCode, null, false, clock.GetElapsedTime(started), body, RetryAfter(response, attemptedAt));
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException)
        {
            return Failed(attemptedAt, started, $"timed out after {options.Value.RequestTimeout.TotalSeconds:0.###} s", refused: false);
        }
        catch (HttpRequestException e) when (Find<DestinationRefusedException>(e) is { } refused)
        {
            return Failed(attemptedAt, started, refused.Message, refused: true);
        }
        catch (HttpRequestException e)
        {
            return Failed(attemptedAt, started, $"{e.HttpRequestError}: {e.Message}", refused: false);
        }
    }

    /// <summary>
    /// Nothing of an allow-listed private receiver's answer is kept: the brand reads the attempt log,
    /// and a service on this machine's network (a broker's management page) must not be read through it.
    /// </summary>
    private int BodyLimitFor(Uri url) =>
        options.Value.IsAllowedPrivateEndpoint(url.Host, url.Port) ? 0 : options.Value.ResponseBodyLogLimit;

    private AttemptResult Failed(DateTimeOffset attemptedAt, long started, string error, bool refused) =>
        new(attemptedAt, null, error.Length > 1000 ? error[..1000] : error, refused, clock.GetElapsedTime(started), null, null);

    private static TimeSpan? RetryAfter(HttpResponseMessage response, DateTimeOffset now) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date > now ? date - now : TimeSpan.Zero,
        _ => null,
    };

    /// <summary>Reads at most <paramref name="limit"/> characters: a receiver's huge answer is neither waited for nor stored.</summary>
    private static async Task<string?> ReadStartAsync(HttpResponseMessage response, int limit, CancellationToken cancellationToken)
    {
        if (limit == 0)
        {
            return null;
        }

        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var buffer = new char[limit];
            var read = await reader.ReadBlockAsync(buffer.AsMemory(), cancellationToken);
            return read == 0 ? null : new string(buffer, 0, read);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            return null; // the status counts; a body cut off midway is not worth failing the attempt for
        }
    }

    private static T? Find<T>(Exception e) where T : Exception
    {
        for (Exception? current = e; current is not null; current = current.InnerException)
        {
            if (current is T found)
            {
                return found;
            }
        }

        return null;
    }
}

using System.Text;
using AmbassadorNet.Messaging.Registration;
using AmbassadorNet.Messaging.Topology;
using RabbitMQ.Client;

namespace AmbassadorNet.Messaging.Operations;

/// <summary>Looks into and empties the error queues of this service's consumers.</summary>
public sealed class ErrorQueueBrowser(BrokerTopology topology, HandlerCatalog catalog)
{
    public async Task<IReadOnlyList<ErrorQueueView>> QueuesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await topology.ConnectAsync(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        var queues = new List<ErrorQueueView>();
        foreach (var handler in catalog.Handlers)
        {
            var name = ErrorQueues.NameFor(handler.EndpointName);
            var declared = await channel.QueueDeclarePassiveAsync(name, cancellationToken);
            queues.Add(new ErrorQueueView(handler.EndpointName, name, declared.MessageCount));
        }

        return queues;
    }

    /// <summary>
    /// Reads up to <paramref name="limit"/> messages without removing them: they are fetched
    /// unacknowledged and go back to the queue when the channel closes.
    /// </summary>
    public async Task<IReadOnlyList<ErrorMessageView>> PeekAsync(string endpoint, int limit, CancellationToken cancellationToken)
    {
        var queue = ErrorQueues.NameFor(Known(endpoint));
        await using var connection = await topology.ConnectAsync(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        var messages = new List<ErrorMessageView>();
        while (messages.Count < limit && await channel.BasicGetAsync(queue, autoAck: false, cancellationToken) is { } result)
        {
            var headers = result.BasicProperties.Headers ?? new Dictionary<string, object?>();
            messages.Add(new ErrorMessageView(
                result.BasicProperties.MessageId,
                Header(headers, "MT-Fault-ExceptionType"),
                Header(headers, "MT-Fault-Message") ?? DeadLetterReason(headers),
                Header(headers, "MT-Fault-Timestamp"),
                Encoding.UTF8.GetString(result.Body.Span)));
        }

        return messages;
    }

    /// <summary>
    /// Moves messages from the error queue back to the endpoint's exchange (MassTransit binds an
    /// exchange of the queue's name to it), acknowledging each only after the broker confirmed the
    /// republish, so a message is never lost in between.
    /// </summary>
    public async Task<int> RepublishAsync(string endpoint, int limit, CancellationToken cancellationToken)
    {
        Known(endpoint);
        var queue = ErrorQueues.NameFor(endpoint);
        await using var connection = await topology.ConnectAsync(cancellationToken);
        await using var channel = await BrokerTopology.ConfirmedChannelAsync(connection, cancellationToken);
        return await BrokerTopology.MoveAsync(channel, queue, endpoint, WithoutFaultHeaders, limit, cancellationToken);
    }

    private string Known(string endpoint) =>
        catalog.ByEndpoint(endpoint) is not null ? endpoint : throw new KeyNotFoundException($"This service has no consumer '{endpoint}'.");

    private static IDictionary<string, object?> WithoutFaultHeaders(IDictionary<string, object?> headers) =>
        headers.Where(h => !h.Key.StartsWith("MT-Fault-", StringComparison.Ordinal) && !h.Key.StartsWith("MT-Reason", StringComparison.Ordinal))
            .ToDictionary(h => h.Key, h => h.Value);

    /// <summary>
    /// A message that never reached a consumer (its body could not be read) carries no MassTransit
    /// fault headers: RabbitMQ dead-lettered it at the quorum queue's delivery limit and says so.
    /// </summary>
    private static string? DeadLetterReason(IDictionary<string, object?> headers) =>
        Header(headers, "x-first-death-reason") is { } reason
            ? $"Dead-lettered by RabbitMQ from {Header(headers, "x-first-death-queue")} ({reason}): it was delivered again and again and never " +
              "acknowledged, e.g. because its body cannot be read as the event it claims to be."
            : null;

    private static string? Header(IDictionary<string, object?> headers, string name) =>
        headers.TryGetValue(name, out var value) ? value switch
        {
            byte[] bytes => Encoding.UTF8.GetString(bytes),
            null => null,
            _ => value.ToString(),
        } : null;
}

public sealed record ErrorQueueView(string Endpoint, string Queue, uint Messages);

public sealed record ErrorMessageView(string? MessageId, string? ExceptionType, string? Reason, string? FaultedAt, string Body);

using AmbassadorNet.Contracts;
using AmbassadorNet.Messaging.Registration;

namespace AmbassadorNet.Messaging.Inbox;

/// <summary>A delivered message waiting in a batch; its consumer awaits <see cref="Outcome"/> before acknowledging it.</summary>
public sealed class InboxItem(IIntegrationEvent message, Guid messageId, EventRegistration registration, string? traceParent, CancellationToken cancellationToken)
{
    private readonly TaskCompletionSource<InboxOutcome> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IIntegrationEvent Message { get; } = message;

    public Guid MessageId { get; } = messageId;

    public EventRegistration Registration { get; } = registration;

    public string? TraceParent { get; } = traceParent;

    /// <summary>The consumer's token: a message whose delivery was cancelled before its batch ran is left out.</summary>
    public CancellationToken CancellationToken { get; } = cancellationToken;

    public Task<InboxOutcome> Outcome => _outcome.Task;

    internal void Complete(InboxOutcome outcome) => _outcome.TrySetResult(outcome);

    internal void Fail(Exception exception) => _outcome.TrySetException(exception);

    internal void Cancel() => _outcome.TrySetCanceled(CancellationToken);
}

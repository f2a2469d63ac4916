using AmbassadorNet.Audit.Chain;

namespace AmbassadorNet.Audit.Consumers;

/// <summary>Appends what a service recorded to its brand's chain; the inbox makes a duplicate append nothing.</summary>
public sealed class AuditRecordedHandler(ChainAppender appender) : IMessageHandler<AuditRecorded>
{
    public async Task<HandleResult> HandleAsync(AuditRecorded message, InboundMessage context, CancellationToken cancellationToken)
    {
        await appender.AppendAsync(message, context.MessageId, cancellationToken);
        return HandleResult.Done;
    }
}

using AmbassadorNet.Audit.Chain;
using AmbassadorNet.Contracts.Creators;

namespace AmbassadorNet.Audit.Consumers;

/// <summary>A creator erased on request: their personal data leaves the trail (<see cref="PersonalDataEraser"/>).</summary>
public sealed class CreatorErasedHandler(PersonalDataEraser eraser) : IMessageHandler<CreatorErased>
{
    public async Task<HandleResult> HandleAsync(CreatorErased message, InboundMessage context, CancellationToken cancellationToken)
    {
        await eraser.EraseCreatorAsync(message.BrandId, message.CreatorId, cancellationToken);
        return HandleResult.Done;
    }
}

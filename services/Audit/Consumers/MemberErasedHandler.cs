using AmbassadorNet.Audit.Chain;
using AmbassadorNet.Contracts.Members;

namespace AmbassadorNet.Audit.Consumers;

/// <summary>A member of the brand's staff erased on request (the gateway): their personal data leaves the trail (<see cref="PersonalDataEraser"/>).</summary>
public sealed class MemberErasedHandler(PersonalDataEraser eraser) : IMessageHandler<MemberErased>
{
    public async Task<HandleResult> HandleAsync(MemberErased message, InboundMessage context, CancellationToken cancellationToken)
    {
        await eraser.EraseMemberAsync(message.BrandId, message.MemberId, cancellationToken);
        return HandleResult.Done;
    }
}

using AmbassadorNet.Security;

namespace AmbassadorNet.Gateway.Keys;

/// <summary>
/// What a request needs to know about a live API key: its brand, its roles now, and whom it speaks for (for a
/// member's key, also the creator the member is linked to).
/// </summary>
public sealed record KnownKey(Guid Id, Guid BrandId, IReadOnlyList<string> Roles, string Kind, Guid? MemberId, Guid? CreatorId, DateTimeOffset IssuedAt, Guid? IssuedBy,
    Guid? MemberCreatorId = null)
{
    public InternalCaller Caller => Kind switch
    {
        CallerKinds.Member => InternalCaller.Member(MemberId!.Value, Id, IssuedAt, IssuedBy) with { MemberCreatorId = MemberCreatorId },
        CallerKinds.Creator => InternalCaller.Creator(CreatorId!.Value, Id),
        _ => InternalCaller.Machine(Id, IssuedAt, IssuedBy),
    };
}

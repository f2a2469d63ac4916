namespace AmbassadorNet.Security;

/// <summary>
/// The rule of a caller's kind, checked where tokens are signed and where they are read, like
/// <see cref="CreatorBinding"/> (which it includes): a member names their member id, a machine and
/// the operator name none, a creator credential names its creator, only a member names the creator they
/// also are, and only the operator has no brand.
/// </summary>
public static class CallerBinding
{
    /// <summary>Null when the caller fits its roles and brand; else why not.</summary>
    public static string? Violation(InternalCaller caller, IReadOnlyCollection<string> roles, Guid brandId)
    {
        if (!CallerKinds.IsKnown(caller.Kind))
        {
            return $"Unknown caller kind '{caller.Kind}'.";
        }

        if (CreatorBinding.Violation(roles, caller.CreatorId) is { } creatorViolation)
        {
            return creatorViolation;
        }

        var isOperator = roles.Contains(Roles.Operator, StringComparer.Ordinal);
        return caller.Kind switch
        {
            _ when isOperator != (caller.Kind == CallerKinds.Operator) => "The operator role is the operator's alone.",
            CallerKinds.Operator when caller.KeyId is not null || caller.MemberId is not null => "The operator has no key and is no member.",
            _ when brandId == Guid.Empty && caller.Kind != CallerKinds.Operator => "Only the operator acts for no brand.",
            CallerKinds.Creator when caller.CreatorId is null => "A creator credential names its creator.",
            not CallerKinds.Creator when caller.CreatorId is not null => "Only a creator credential names a creator.",
            CallerKinds.Member when caller.MemberId is null || caller.MemberId == Guid.Empty => "A member's request names the member.",
            not CallerKinds.Member when caller.MemberId is not null => "Only a member's request names a member.",
            not CallerKinds.Member when caller.MemberCreatorId is not null => "Only a member's request names the creator the member also is.",
            CallerKinds.Member when caller.MemberCreatorId == Guid.Empty => "A member linked to a creator names the creator.",
            CallerKinds.Machine or CallerKinds.Creator when caller.KeyId is null => "A machine or creator calls with a key.",
            _ when caller.SignedInWith is not null && (caller.Kind != CallerKinds.Member || caller.KeyId != caller.MemberId
                || caller.KeyIssuedAt is not null || caller.KeyIssuedBy is not null) => "A member signed in by an identity provider holds no key; the member id stands in for it.",
            _ => null,
        };
    }
}

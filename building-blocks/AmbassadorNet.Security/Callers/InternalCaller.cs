namespace AmbassadorNet.Security;

/// <summary>
/// Who a request speaks for beyond its brand and roles, carried by the internal token so that every
/// service can tell a person from a machine and check an approval without asking the gateway.
/// </summary>
/// <param name="Kind">One of <see cref="CallerKinds"/>.</param>
/// <param name="KeyId">
/// The API key of the request; null for the operator. A member signed in with the brand's identity provider
/// (<see cref="SignedInWith"/>) has no key: their member id stands in for it, so every record that names the
/// key behind a change still names someone.
/// </param>
/// <param name="MemberId">The member of a <see cref="CallerKinds.Member"/> request.</param>
/// <param name="CreatorId">The creator of a <see cref="CallerKinds.Creator"/> request.</param>
/// <param name="KeyIssuedAt">When <see cref="KeyId"/> was issued: a key issued after a request cannot approve it.</param>
/// <param name="KeyIssuedBy">
/// The party answerable for <see cref="KeyId"/>'s issue: the member who issued it, or, when a machine key
/// issued it, that key's <see cref="AnswerableParty"/>. Null for keys the operator issued. A key cannot
/// approve what the party answerable for it requested, however many keys it was passed through.
/// </param>
/// <param name="SignedInWith">The issuer of the brand's identity provider that signed this member in; null for a key.</param>
/// <param name="MemberCreatorId">
/// The creator of the brand's programme this member also is (an employee ambassador), when the brand's admins
/// linked them: such a member cannot approve a change of that creator's payee details, nor make one alone.
/// </param>
public sealed record InternalCaller(
    string Kind,
    Guid? KeyId = null,
    Guid? MemberId = null,
    Guid? CreatorId = null,
    DateTimeOffset? KeyIssuedAt = null,
    Guid? KeyIssuedBy = null,
    string? SignedInWith = null,
    Guid? MemberCreatorId = null)
{
    public static InternalCaller Operator { get; } = new(CallerKinds.Operator);

    public static InternalCaller Member(Guid memberId, Guid? keyId = null, DateTimeOffset? keyIssuedAt = null, Guid? keyIssuedBy = null) =>
        new(CallerKinds.Member, keyId, memberId, null, keyIssuedAt, keyIssuedBy);

    /// <summary>A member signed in by the brand's identity provider (<paramref name="issuer"/>): no key, the member id in its place.</summary>
    public static InternalCaller SignedIn(Guid memberId, string issuer) => new(CallerKinds.Member, memberId, memberId, null, null, null, issuer);

    public static InternalCaller Machine(Guid keyId, DateTimeOffset? keyIssuedAt = null, Guid? keyIssuedBy = null) =>
        new(CallerKinds.Machine, keyId, null, null, keyIssuedAt, keyIssuedBy);

    public static InternalCaller Creator(Guid creatorId, Guid keyId) => new(CallerKinds.Creator, keyId, null, creatorId);

    /// <summary>
    /// Who answers for this request: a member themself; for a machine, the party answerable for its key's
    /// issue, or the key itself when the operator issued it (a brand's keys from before members existed).
    /// Member ids and key ids are both version 7 Guids, so one namespace holds both.
    /// </summary>
    public Guid? AnswerableParty => Kind switch
    {
        CallerKinds.Member => MemberId,
        CallerKinds.Machine or CallerKinds.Creator => KeyIssuedBy ?? KeyId,
        _ => null,
    };
}

namespace AmbassadorNet.Security;

/// <summary>
/// A caller as a service records it beside what it did (who requested an adjustment, who ran a
/// batch): enough to check a later approval with <see cref="ApprovalRules"/> and to show who it was.
/// </summary>
/// <param name="KeyId">The key used; null for the operator or a member signed in with the brand's identity provider.</param>
/// <param name="MemberId">The member, when a member made the request.</param>
/// <param name="Party">Who answers for it (<see cref="InternalCaller.AnswerableParty"/>).</param>
public sealed record RecordedCaller(Guid? KeyId, Guid? MemberId, Guid? Party)
{
    public static RecordedCaller Of(InternalCaller caller) => new(caller.KeyId, caller.MemberId, caller.AnswerableParty);
}

using AmbassadorNet.Security;

namespace AmbassadorNet.ServiceDefaults.Errors;

/// <summary>403: the caller may approve this kind of thing, just not this one; <c>rule</c> names the rule that refused.</summary>
public sealed class ApprovalRefusedException : ProblemException
{
    public ApprovalRefusedException(ApprovalRefusal refusal) : base(403, "Approval refused", refusal.Detail)
    {
        Rule = refusal.Rule;
        Extensions["rule"] = refusal.Rule;
    }

    public string Rule { get; }

    /// <summary>Throws when <paramref name="refusal"/> is not null.</summary>
    public static void ThrowIf(ApprovalRefusal? refusal)
    {
        if (refusal is not null)
        {
            throw new ApprovalRefusedException(refusal);
        }
    }
}

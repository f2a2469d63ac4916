using System.Security.Claims;
using AmbassadorNet.Security;

namespace AmbassadorNet.Payouts.Api;

/// <summary>403: the caller may use the endpoint but not this way (its own adjustment, or no API key to record).</summary>
public sealed class ForbiddenException(string detail) : ProblemException(403, "Forbidden", detail);

internal static class Caller
{
    /// <summary>Every ledger command records the API key behind it; a token without one cannot command.</summary>
    public static Guid RequiredKeyId(this ClaimsPrincipal user) =>
        user.GetApiKeyId() ?? throw new ForbiddenException("Ledger commands record the API key that made them; this token carries none.");
}

using System.Runtime.CompilerServices;
using AmbassadorNet.Contracts.Audit;
using AmbassadorNet.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace AmbassadorNet.Messaging.Audit;

/// <summary>
/// Names the caller of saves a request makes before it has one: a member's first sign-in with the brand's
/// identity provider makes or links the member while the request is still being authenticated. Without
/// this, those saves would go unrecorded like a background job's.
/// </summary>
public static class AuditAttribution
{
    private static readonly ConditionalWeakTable<DbContext, AuditRequest> Attributed = new();

    /// <summary>Every later save of <paramref name="db"/> is recorded as <paramref name="caller"/>'s <paramref name="action"/> in <paramref name="brandId"/>.</summary>
    public static void AttributeTo(this DbContext db, Guid brandId, InternalCaller caller, string action, HttpContext? http)
    {
        var requestId = http?.Request.Headers[AuditRequest.RequestIdHeader].FirstOrDefault();
        Attributed.AddOrUpdate(db, new AuditRequest(
            brandId, string.IsNullOrEmpty(requestId) ? null : requestId,
            new AuditCaller(caller.Kind, caller.KeyId, caller.MemberId, caller.CreatorId),
            new AuditAction(action, http?.Request.Method ?? "", http?.Request.Path.Value ?? "")));
    }

    internal static AuditRequest? Of(DbContext db) => Attributed.TryGetValue(db, out var request) ? request : null;
}

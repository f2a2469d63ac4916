using System.Text.Json;

namespace AmbassadorNet.Contracts.Audit;

/// <summary>
/// What one save of a request through the API changed, written by the service that saved it in the
/// same transaction (its outbox), for the audit service to append to the brand's chain. Internal: it
/// can hold personal data (in <see cref="AuditChange.Personal"/>), so partners never receive it.
/// </summary>
/// <param name="Service">The service that made the change ("creators").</param>
/// <param name="RequestId">The gateway's <c>X-Request-Id</c> of the request; null when the request came without one.</param>
[InternalEvent]
public sealed record AuditRecorded(
    Guid BrandId, DateTimeOffset OccurredAt, string Service, string? RequestId, AuditCaller Caller, AuditAction Action,
    IReadOnlyList<AuditChange> Changes) : IIntegrationEvent;

/// <summary>Who made the change, as the internal token said: a member, a machine key or a creator credential.</summary>
public sealed record AuditCaller(string Kind, Guid? KeyId, Guid? MemberId, Guid? CreatorId);

/// <param name="Name">The endpoint's name ("UpdateCreator").</param>
/// <param name="Route">The route template ("/api/creators/{id:guid}").</param>
public sealed record AuditAction(string Name, string Method, string Route);

/// <summary>
/// One row created, updated or deleted. <see cref="Fields"/> holds the changed fields by property name
/// (created: after only; deleted: before only); a secret field shows "***" on the side that has a value.
/// Personal data is never in <see cref="Fields"/>: it is in <see cref="Personal"/>, which erasure removes.
/// </summary>
/// <param name="SubjectType">The table ("creators").</param>
/// <param name="SubjectId">The row's key (several key columns joined with "/").</param>
/// <param name="Operation">created, updated or deleted.</param>
public sealed record AuditChange(
    string SubjectType, string SubjectId, string Operation, IReadOnlyDictionary<string, AuditFieldChange> Fields, AuditPersonalData? Personal);

public sealed record AuditFieldChange(JsonElement? Before, JsonElement? After);

/// <summary>The personal fields of a change and whose they are: a creator's or a member's.</summary>
public sealed record AuditPersonalData(Guid? CreatorId, Guid? MemberId, IReadOnlyDictionary<string, AuditFieldChange> Fields);

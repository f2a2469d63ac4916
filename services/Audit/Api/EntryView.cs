using System.Text.Json;

namespace AmbassadorNet.Audit.Api;

public sealed record CallerView(string Kind, Guid? KeyId, Guid? MemberId, Guid? CreatorId);

public sealed record ActionView(string Name, string Method, string Route);

public sealed record SubjectView(string Type, string Id);

/// <param name="Changes">The changed fields without personal data: {"field": {"before": …, "after": …}}; created rows have no before, deleted rows no after; secrets show "***".</param>
/// <param name="Personal">The personal fields and whose they are ({"creatorId", "memberId", "fields"}), the text "erased" once that person was erased, or null when the change had none.</param>
public sealed record EntryView(
    long Seq, Guid Id, DateTimeOffset OccurredAt, DateTimeOffset RecordedAt, string Service, string? RequestId, CallerView Caller, ActionView Action,
    SubjectView Subject, string Operation, JsonElement Changes, JsonElement? Personal, string PrevHash, string EntryHash)
{
    public const string Erased = "erased";

    public static EntryView From(AuditEntry e, AuditPersonal? personal) => new(
        e.Seq, e.Id, e.OccurredAt, e.RecordedAt, e.Service, e.RequestId, new CallerView(e.CallerKind, e.CallerKeyId, e.CallerMemberId, e.CallerCreatorId),
        new ActionView(e.Action, e.Method, e.Route), new SubjectView(e.SubjectType, e.SubjectId), e.Operation,
        JsonDocument.Parse(e.Changes).RootElement.Clone(),
        personal is not null ? JsonDocument.Parse(personal.Data).RootElement.Clone()
            : e.PersonalHash is not null ? JsonSerializer.SerializeToElement(Erased) : null,
        EntryHashing.Hex(e.PrevHash), EntryHashing.Hex(e.EntryHash));
}

public sealed record EntryPage(IReadOnlyList<EntryView> Items, string? NextCursor);

public sealed record AnchorView(long Seq, string EntryHash, DateTimeOffset AnchoredAt)
{
    public static AnchorView From(AuditAnchor a) => new(a.Seq, EntryHashing.Hex(a.EntryHash), a.AnchoredAt);
}

public sealed record AnchorPage(IReadOnlyList<AnchorView> Items, string? NextCursor);

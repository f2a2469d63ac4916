using System.Text.Json;
using AmbassadorNet.Messaging;
using AmbassadorNet.SharedKernel;

namespace AmbassadorNet.Audit.Chain;

/// <summary>
/// Appends one entry per changed row of an <see cref="AuditRecorded"/> to its brand's chain, holding the
/// brand's head row, so entries are numbered and hashed one after another. Personal data goes to
/// <see cref="AuditPersonal"/> with a fresh salt; for a creator or member already erased, only its hash is kept.
/// </summary>
public sealed class ChainAppender(AuditDbContext db, TimeProvider clock)
{
    public async Task AppendAsync(AuditRecorded recorded, Guid messageId, CancellationToken ct)
    {
        if (recorded.Changes.Count == 0)
        {
            return;
        }

        var head = await db.LockHeadAsync(ct);
        var owners = recorded.Changes.SelectMany(c => (Guid?[])[c.Personal?.CreatorId, c.Personal?.MemberId]).OfType<Guid>().Distinct().ToList();
        var erased = owners.Count == 0 ? [] : await db.Erasures.Where(e => owners.Contains(e.SubjectId)).Select(e => e.SubjectId).ToHashSetAsync(ct);
        var recordedAt = EntryHashing.Stored(clock.GetUtcNow());
        foreach (var change in recorded.Changes)
        {
            var entry = Entry(recorded, change, messageId, head.LastSeq + 1, head.LastHash, recordedAt);
            if (change.Personal is { } personal)
            {
                var data = CanonicalJson.Text(JsonSerializer.Serialize(personal, MessageTypes.Json));
                var salt = EntryHashing.NewSalt();
                entry.PersonalHash = EntryHashing.PersonalHash(salt, data);
                if (PersonalDataEraser.MayKeep(personal, erased))
                {
                    db.Personal.Add(new AuditPersonal
                    {
                        EntryId = entry.Id, BrandId = entry.BrandId, CreatorId = personal.CreatorId, MemberId = personal.MemberId, Salt = salt, Data = data,
                    });
                }
            }

            entry.EntryHash = EntryHashing.EntryHash(entry.PrevHash, entry);
            db.Entries.Add(entry);
            (head.LastSeq, head.LastHash) = (entry.Seq, entry.EntryHash);
        }
    }

    private AuditEntry Entry(AuditRecorded recorded, AuditChange change, Guid messageId, long seq, byte[] prevHash, DateTimeOffset recordedAt) => new()
    {
        BrandId = recorded.BrandId, Seq = seq, Id = Ids.New(clock), MessageId = messageId,
        OccurredAt = EntryHashing.Stored(recorded.OccurredAt), RecordedAt = recordedAt,
        Service = recorded.Service, RequestId = recorded.RequestId,
        CallerKind = recorded.Caller.Kind, CallerKeyId = recorded.Caller.KeyId, CallerMemberId = recorded.Caller.MemberId, CallerCreatorId = recorded.Caller.CreatorId,
        Action = recorded.Action.Name, Method = recorded.Action.Method, Route = recorded.Action.Route,
        SubjectType = change.SubjectType, SubjectId = change.SubjectId, Operation = change.Operation,
        Changes = CanonicalJson.Text(JsonSerializer.Serialize(change.Fields, MessageTypes.Json)),
        PrevHash = prevHash,
    };
}

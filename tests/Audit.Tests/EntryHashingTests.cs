using System.Text;
using AmbassadorNet.Audit.Domain;

namespace Audit.Tests;

/// <summary>The chain's arithmetic without a database: what jsonb does to a text must not change a hash, anything else must.</summary>
public sealed class EntryHashingTests
{
    [Fact]
    public void Canonical_json_ignores_member_order_whitespace_and_number_spelling()
    {
        var written = """{"b": {"after": 1E2, "before": null}, "a": ["x", 1.50]}""";
        var readBack = """{"a":["x",1.50],"b":{"before":null,"after":100}}""";

        Assert.Equal("""{"a":["x",1.50],"b":{"after":100,"before":null}}""", Encoding.UTF8.GetString(CanonicalJson.Bytes(written)));
        Assert.Equal(CanonicalJson.Bytes(written), CanonicalJson.Bytes(readBack));
        Assert.NotEqual(CanonicalJson.Bytes("""{"a":"1"}"""), CanonicalJson.Bytes("""{"a":1}"""));
    }

    [Fact]
    public void Any_change_to_an_entry_or_its_predecessor_changes_its_hash_but_a_time_finer_than_microseconds_does_not()
    {
        var entry = Entry();
        var hash = EntryHashing.EntryHash(EntryHashing.Genesis, entry);
        var finer = Entry();
        finer.OccurredAt = finer.OccurredAt.AddTicks(3); // 300 ns: PostgreSQL keeps microseconds

        Assert.Equal(hash, EntryHashing.EntryHash(EntryHashing.Genesis, finer));
        Assert.NotEqual(hash, EntryHashing.EntryHash(new byte[32].Select((_, i) => (byte)i).ToArray(), entry));
        foreach (var changed in new Action<AuditEntry>[]
                 {
                     e => e.Seq++, e => e.Action = "Other", e => e.CallerKeyId = Guid.Empty, e => e.Changes = """{"country":{"after":"FR"}}""",
                     e => e.PersonalHash = new byte[32], e => e.OccurredAt = e.OccurredAt.AddTicks(10), e => e.SubjectId = "x",
                 })
        {
            var other = Entry();
            changed(other);
            Assert.NotEqual(hash, EntryHashing.EntryHash(EntryHashing.Genesis, other));
        }
    }

    [Fact]
    public void The_personal_hash_depends_on_the_salt_so_a_guess_cannot_be_checked_without_it()
    {
        var data = """{"creatorId":null,"fields":{"email":{"after":"ada@example.com"}},"memberId":null}""";
        var (one, two) = (EntryHashing.NewSalt(), EntryHashing.NewSalt());

        Assert.Equal(EntryHashing.PersonalHash(one, data), EntryHashing.PersonalHash(one, data));
        Assert.NotEqual(EntryHashing.PersonalHash(one, data), EntryHashing.PersonalHash(two, data));
        Assert.Equal(32, one.Length);
    }

    private static AuditEntry Entry() => new()
    {
        BrandId = new Guid("0192d000-0000-7000-8000-000000000001"), Seq = 7, Id = new Guid("0192d000-0000-7000-8000-000000000002"),
        MessageId = new Guid("0192d000-0000-7000-8000-000000000003"), OccurredAt = new DateTimeOffset(2026, 12, 6, 10, 0, 0, TimeSpan.Zero).AddTicks(1_234_560),
        RecordedAt = new DateTimeOffset(2026, 12, 6, 10, 0, 1, TimeSpan.Zero), Service = "creators", RequestId = "req-1", CallerKind = "member",
        CallerKeyId = new Guid("0192d000-0000-7000-8000-000000000004"), Action = "UpdateCreator", Method = "PATCH", Route = "/api/creators/{id:guid}",
        SubjectType = "creators", SubjectId = "0192d000-0000-7000-8000-000000000005", Operation = "updated", Changes = """{"country":{"after":"GB","before":"US"}}""",
        PrevHash = EntryHashing.Genesis,
    };
}

namespace AmbassadorNet.Audit.Chain;

/// <summary>A head of the chain a verifier holds: the service's own anchors, or ones kept outside it.</summary>
public sealed record Anchor(long Seq, byte[] EntryHash);

/// <summary>The answer of a verification: ok, or the first seq where the chain breaks and why.</summary>
public sealed record Verification(bool Ok, long Entries, long? HeadSeq, string? HeadHash, int AnchorsChecked, long? BrokenSeq, string? Reason);

/// <summary>
/// Recomputes a brand's chain from seq 1 and checks, entry by entry: no seq is missing, each names the
/// hash of the one before, its content (personal data by its hash) gives its entry_hash, and where an
/// anchor names the seq, the recomputed hash is the anchored one. An edited row fails its own hash; a
/// chain rewritten with recomputed hashes passes those and fails only against an anchor published
/// before the rewrite, which is why anchors kept outside the database matter.
/// </summary>
public sealed class ChainVerifier(AuditDbContext db)
{
    public async Task<Verification> VerifyAsync(IReadOnlyList<Anchor> anchors, CancellationToken ct)
    {
        var anchored = anchors.ToLookup(a => a.Seq);
        var rows = from entry in db.Entries.AsNoTracking()
                   join personal in db.Personal.AsNoTracking() on entry.Id equals personal.EntryId into found
                   from personal in found.DefaultIfEmpty()
                   orderby entry.Seq
                   select new { Entry = entry, Personal = personal };
        var (previous, next, checkedAnchors) = (EntryHashing.Genesis, 1L, 0);
        await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(ct))
        {
            var entry = row.Entry;
            var broken = entry.Seq != next ? (next, $"entry {next} is missing: the chain goes from {next - 1} to {entry.Seq}")
                : !entry.PrevHash.AsSpan().SequenceEqual(previous) ? (entry.Seq, "its prev_hash is not the hash of the entry before it")
                : row.Personal is { } personal && (entry.PersonalHash is null || !EntryHashing.PersonalHash(personal.Salt, personal.Data).AsSpan().SequenceEqual(entry.PersonalHash))
                    ? (entry.Seq, "its personal data does not match its personal_hash")
                : ((long, string)?)null;
            if (broken is { } b)
            {
                return Broken(next - 1, b.Item1, b.Item2);
            }

            var hash = EntryHashing.EntryHash(previous, entry);
            if (!hash.AsSpan().SequenceEqual(entry.EntryHash))
            {
                return Broken(next - 1, entry.Seq, "its content does not give its entry_hash: the entry was changed after it was written");
            }

            foreach (var anchor in anchored[entry.Seq])
            {
                checkedAnchors++;
                if (!anchor.EntryHash.AsSpan().SequenceEqual(hash))
                {
                    return Broken(next - 1, entry.Seq, $"the chain's hash at {entry.Seq} is not the anchored one: the chain up to here was rewritten");
                }
            }

            (previous, next) = (hash, next + 1);
        }

        if (anchors.Where(a => a.Seq >= next).Select(a => (long?)a.Seq).Min() is { } beyond)
        {
            return Broken(next - 1, beyond, $"an anchor names entry {beyond}, but the chain ends at {next - 1}: entries were removed");
        }

        return new Verification(true, next - 1, next > 1 ? next - 1 : null, next > 1 ? EntryHashing.Hex(previous) : null, checkedAnchors, null, null);
    }

    private static Verification Broken(long entries, long seq, string reason) => new(false, entries, null, null, 0, seq, reason);
}

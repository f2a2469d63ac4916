namespace AmbassadorNet.Payouts.Api;

/// <summary>An entry with its transaction and account: the row every report reads (init members, so EF can compose queries on it).</summary>
internal sealed class LedgerLine
{
    public required JournalEntry Entry { get; init; }

    public required JournalTransaction Transaction { get; init; }

    public required LedgerAccount Account { get; init; }
}

internal static class LedgerLines
{
    /// <summary>Every entry of the scope's brand (the brand filter applies to all three tables).</summary>
    public static IQueryable<LedgerLine> Lines(this PayoutsDbContext db) =>
        from e in db.Entries
        join t in db.Transactions on e.TransactionId equals t.Id
        join a in db.Accounts on e.AccountId equals a.Id
        select new LedgerLine { Entry = e, Transaction = t, Account = a };
}

using Npgsql;
using NpgsqlTypes;

namespace AmbassadorNet.Payouts.Ledger;

/// <summary>
/// Posts balanced transactions to the ledger of the scope's brand. It only adds rows to the
/// DbContext; the caller's single SaveChanges commits them with the state and events they belong
/// to, and the database checks at commit that each transaction balances per currency.
/// </summary>
public sealed class Journal(PayoutsDbContext db, TimeProvider clock)
{
    private readonly Dictionary<(string, AccountKind, Guid?), LedgerAccount> _accounts = [];

    /// <summary>The account, created on first use. Concurrent creators of the same account meet at the unique key and both get the one row.</summary>
    public async Task<LedgerAccount> AccountAsync(string currency, AccountKind kind, Guid? creatorId, CancellationToken ct)
    {
        if (kind.IsCreatorAccount() != creatorId.HasValue)
        {
            throw new ArgumentException($"{kind} {(creatorId.HasValue ? "is a brand account" : "needs a creator")}.", nameof(creatorId));
        }

        if (_accounts.TryGetValue((currency, kind, creatorId), out var known))
        {
            return known;
        }

        // Read first: the account almost always exists, and a read takes no lock.
        if (await FindAsync(currency, kind, creatorId, ct) is { } existing)
        {
            return _accounts[(currency, kind, creatorId)] = existing;
        }

        var brand = db.CurrentBrandId;
        var kindName = SnakeCaseEnums.Name(kind);
        // Typed parameters: a brand account's null creator must still be a uuid to PostgreSQL.
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO ledger_accounts (id, brand_id, currency, kind, creator_id, created_at)
            VALUES (@id, @brand, @currency, @kind, @creator, @now)
            ON CONFLICT (brand_id, currency, kind, creator_id) DO NOTHING
            """,
            [
                new NpgsqlParameter("id", NpgsqlDbType.Uuid) { Value = Ids.New(clock) },
                new NpgsqlParameter("brand", NpgsqlDbType.Uuid) { Value = brand },
                new NpgsqlParameter("currency", NpgsqlDbType.Char) { Value = currency },
                new NpgsqlParameter("kind", NpgsqlDbType.Varchar) { Value = kindName },
                new NpgsqlParameter("creator", NpgsqlDbType.Uuid) { Value = (object?)creatorId ?? DBNull.Value },
                new NpgsqlParameter("now", NpgsqlDbType.TimestampTz) { Value = clock.GetUtcNow() },
            ], ct);
        var account = await FindAsync(currency, kind, creatorId, ct) ?? throw new InvalidOperationException("The account just created is missing.");
        return _accounts[(currency, kind, creatorId)] = account;
    }

    /// <summary>Loads every account of the brand in a currency at once, for callers about to post for many creators.</summary>
    public async Task PreloadAsync(string currency, CancellationToken ct)
    {
        foreach (var account in await db.Accounts.AsNoTracking().Where(a => a.Currency == currency).ToListAsync(ct))
        {
            _accounts.TryAdd((account.Currency, account.Kind, account.CreatorId), account);
        }
    }

    /// <summary>Loads the accounts of these creators and the brand's own accounts at once, for a batch about to post for them.</summary>
    public async Task PreloadAsync(IReadOnlyCollection<Guid> creatorIds, CancellationToken ct)
    {
        var accounts = await db.Accounts.AsNoTracking().Where(a => a.CreatorId == null || creatorIds.Contains(a.CreatorId.Value)).ToListAsync(ct);
        foreach (var account in accounts)
        {
            _accounts.TryAdd((account.Currency, account.Kind, account.CreatorId), account);
        }
    }

    private Task<LedgerAccount?> FindAsync(string currency, AccountKind kind, Guid? creatorId, CancellationToken ct) =>
        db.Accounts.AsNoTracking().SingleOrDefaultAsync(a => a.Currency == currency && a.Kind == kind && a.CreatorId == creatorId, ct);

    public Task<bool> HasPostedAsync(string causeType, Guid causeId, string causeRef, CancellationToken ct) =>
        db.Transactions.AnyAsync(t => t.CauseType == causeType && t.CauseId == causeId && t.CauseRef == causeRef, ct);

    /// <summary>Moves a positive <paramref name="amount"/> from <paramref name="credit"/> to <paramref name="debit"/> in one transaction.</summary>
    public JournalTransaction Move(Money amount, LedgerAccount debit, LedgerAccount credit, Cause cause) =>
        Post(cause, (debit, amount.Amount), (credit, -amount.Amount));

    /// <summary>Adds a transaction of signed lines (debits positive); refuses one that does not balance per currency.</summary>
    public JournalTransaction Post(Cause cause, params (LedgerAccount Account, decimal Amount)[] lines)
    {
        if (lines.Length < 2 || lines.Any(l => l.Amount == 0m))
        {
            throw new ArgumentException("A transaction needs at least two non-zero lines.", nameof(lines));
        }

        if (lines.GroupBy(l => l.Account.Currency).Any(g => g.Sum(l => l.Amount) != 0m))
        {
            throw new ArgumentException("A transaction balances in every currency.", nameof(lines));
        }

        var transaction = Open(cause);
        foreach (var (account, amount) in lines)
        {
            db.Entries.Add(new JournalEntry
            {
                Id = Ids.New(clock), BrandId = transaction.BrandId, TransactionId = transaction.Id,
                AccountId = account.Id, Currency = account.Currency, Amount = amount,
            });
        }

        return transaction;
    }

    /// <summary>
    /// Adds a transaction without entries, for a caller that inserts its entries in bulk SQL in the
    /// same database transaction (a payout batch). The commit-time check refuses it unless they are
    /// there and balance.
    /// </summary>
    public JournalTransaction Open(Cause cause)
    {
        var transaction = new JournalTransaction
        {
            Id = Ids.New(clock),
            BrandId = db.CurrentBrandId,
            OccurredAt = cause.OccurredAt,
            PostedAt = clock.GetUtcNow(),
            CauseType = cause.Type,
            CauseId = cause.Id,
            CauseRef = cause.Ref,
            CausedByKeyId = cause.By.KeyId,
            CausedByMessageId = cause.By.MessageId,
            CausedByJob = cause.By.Job,
            Description = cause.Description.Length > 500 ? cause.Description[..500] : cause.Description,
        };
        db.Transactions.Add(transaction);
        return transaction;
    }
}

/// <summary>Why a transaction is posted: its cause (unique per brand), when it happened, who caused it and a line for people.</summary>
public sealed record Cause(string Type, Guid Id, string Ref, DateTimeOffset OccurredAt, CausedBy By, string Description);

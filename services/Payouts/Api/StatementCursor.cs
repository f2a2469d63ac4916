using System.Buffers.Text;
using System.Linq.Expressions;
using System.Text.Json;
using AmbassadorNet.Persistence.Pagination;

namespace AmbassadorNet.Payouts.Api;

/// <summary>
/// The position after the last entry of a statement page. The statement's order has four keys
/// (posting time, transaction, debits before credits, entry) where the shared
/// <see cref="KeysetOrder{T, TKey}"/> has one and an id, so it has its own cursor: base64url JSON
/// like the shared one, opaque to clients and holding only values they have seen.
/// </summary>
internal sealed record StatementCursor(string Sort, DateTimeOffset PostedAt, Guid TransactionId, decimal Amount, Guid EntryId)
{
    private const string SortName = "statement";

    public static StatementCursor After(LedgerLine last) =>
        new(SortName, last.Transaction.PostedAt, last.Transaction.Id, last.Entry.Amount, last.Entry.Id);

    public string Encode() => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(this));

    /// <summary>Reads a cursor this endpoint handed out; anything else (a batch list's cursor, garbage) is a 400 on <c>cursor</c>.</summary>
    public static StatementCursor Decode(string text)
    {
        StatementCursor? cursor;
        try
        {
            cursor = JsonSerializer.Deserialize<StatementCursor>(Base64Url.DecodeFromChars(text));
        }
        catch (Exception e) when (e is FormatException or JsonException or NotSupportedException)
        {
            throw new InvalidCursorException("it cannot be read");
        }

        return cursor?.Sort == SortName
            // PostgreSQL takes only UTC timestamps as parameters; a hand-made cursor may carry an offset.
            ? cursor with { PostedAt = cursor.PostedAt.ToUniversalTime() }
            : throw new InvalidCursorException("it is not a statement cursor");
    }

    /// <summary>The cursor of a request, null for the first page; a bad one is listed under <c>cursor</c> with the other faults.</summary>
    public static StatementCursor? Read(string? text, FieldErrors errors)
    {
        try
        {
            return string.IsNullOrEmpty(text) ? null : Decode(text);
        }
        catch (InvalidCursorException invalid)
        {
            errors.Add("cursor", invalid.Message);
            return null;
        }
    }

    /// <summary>The statement's order: by posting time, then transaction, debits before credits within it, then entry.</summary>
    public static IQueryable<LedgerLine> Order(IQueryable<LedgerLine> lines) =>
        lines.OrderBy(l => l.Transaction.PostedAt).ThenBy(l => l.Transaction.Id).ThenByDescending(l => l.Entry.Amount).ThenBy(l => l.Entry.Id);

    /// <summary>Entries strictly after this position in <see cref="Order"/> (Guid.CompareTo becomes SQL's uuid comparison, as ORDER BY uses).</summary>
    public Expression<Func<LedgerLine, bool>> Later()
    {
        var (posted, transaction, amount, entry) = (PostedAt, TransactionId, Amount, EntryId);
        return l => l.Transaction.PostedAt > posted
            || (l.Transaction.PostedAt == posted
                && (l.Transaction.Id.CompareTo(transaction) > 0
                    || (l.Transaction.Id == transaction
                        && (l.Entry.Amount < amount || (l.Entry.Amount == amount && l.Entry.Id.CompareTo(entry) > 0)))));
    }

    /// <summary>Entries at or before this position: the complement of <see cref="Later"/> (every key is non-null, so NOT is exact).</summary>
    public Expression<Func<LedgerLine, bool>> NotLater()
    {
        var later = Later();
        return Expression.Lambda<Func<LedgerLine, bool>>(Expression.Not(later.Body), later.Parameters);
    }
}

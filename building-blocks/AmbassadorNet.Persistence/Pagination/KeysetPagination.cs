using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace AmbassadorNet.Persistence.Pagination;

/// <summary>
/// Keyset ("seek") pagination: each page starts strictly after the (key, id) of the previous page's
/// last row. Unlike OFFSET, rows inserted or deleted meanwhile never shift a page, so a client
/// walking the list sees every row that existed when it started exactly once.
/// </summary>
public static class KeysetPagination
{
    public const int MaxLimit = 200;

    public static async Task<Page<T>> ToPageAsync<T, TKey>(
        this IQueryable<T> query,
        KeysetOrder<T, TKey> order,
        string? cursor,
        int limit,
        CancellationToken cancellationToken = default)
    {
        if (limit is < 1 or > MaxLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(limit), limit, $"A page holds 1 to {MaxLimit} items.");
        }

        if (!string.IsNullOrEmpty(cursor))
        {
            query = query.Where(order.After(Cursor<TKey>.Decode(cursor, order.Name)));
        }

        var rows = await order.Apply(query).Take(limit + 1).ToListAsync(cancellationToken);
        if (rows.Count <= limit)
        {
            return new Page<T>(rows, null);
        }

        rows.RemoveAt(limit);
        var last = rows[^1];
        return new Page<T>(rows, new Cursor<TKey>(order.Name, order.KeyOf(last), order.IdOf(last)).Encode());
    }
}

using System.Net;
using System.Text;

namespace Payouts.Tests;

/// <summary>Walks a paginated list of the service by its nextCursor, page by page.</summary>
public static class Paging
{
    /// <summary>Every page of <paramref name="path"/> (which already has its query string) for <paramref name="brand"/>.</summary>
    public static async Task<List<JsonElement>> PagesAsync(PayoutsService service, string path, Guid brand, int limit, string? cursor = null)
    {
        var pages = new List<JsonElement>();
        do
        {
            var page = await service.ReadAsync(HttpMethod.Get, $"{path}&limit={limit}" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}"), brand);
            pages.Add(page);
            cursor = NextCursor(page);
            Assert.True(pages.Count <= 1000, "the cursor never ends");
        }
        while (cursor is not null);
        return pages;
    }

    public static string? NextCursor(JsonElement page) =>
        page.GetProperty("nextCursor").ValueKind == JsonValueKind.Null ? null : page.GetProperty("nextCursor").GetString();

    /// <summary>A well-formed cursor of another list's order (the shared keyset cursor of "newest").</summary>
    public static string ForeignCursor() =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($$"""{"Sort":"newest","Key":"2026-01-01T00:00:00+00:00","Id":"{{Guid.CreateVersion7()}}"}"""))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Sends each path and returns its status and the field names of its errors map.</summary>
    public static async Task<List<(HttpStatusCode Status, List<string> Fields)>> RefusalsAsync(PayoutsService service, Guid brand, params string[] paths)
    {
        var answers = new List<(HttpStatusCode, List<string>)>();
        foreach (var path in paths)
        {
            var response = await service.SendAsync(HttpMethod.Get, path, brand);
            answers.Add((response.StatusCode, await response.ErrorFieldsAsync()));
        }

        return answers;
    }

    /// <summary>A creator's entry ids in the statement's order, straight from the database.</summary>
    public static Task<List<Guid>> StatementOrderInSqlAsync(PayoutsService service, Guid creator) =>
        service.IdsAsync("""
            SELECT e.id FROM journal_entries e
            JOIN journal_transactions t ON t.id = e.transaction_id JOIN ledger_accounts a ON a.id = e.account_id
            WHERE a.creator_id = @c ORDER BY t.posted_at, t.id, e.amount DESC, e.id
            """, ("c", creator));
}

using AmbassadorNet.Persistence.Pagination;

namespace AmbassadorNet.Audit.Api;

internal static class AnchorEndpoints
{
    private static readonly KeysetOrder<AuditAnchor, long> NewestOrder = new("seq", a => a.Seq, a => a.Id, descending: true);

    public static async Task<Ok<AnchorPage>> ListAsync(string? cursor, int? limit, AuditDbContext db, CancellationToken ct)
    {
        new FieldErrors().Check(limit is null or >= 1 and <= KeysetPagination.MaxLimit, "limit", $"Between 1 and {KeysetPagination.MaxLimit}.").ThrowIfAny();
        var page = await db.Anchors.AsNoTracking().ToPageAsync(NewestOrder, cursor, limit ?? 50, ct);
        return TypedResults.Ok(new AnchorPage([.. page.Items.Select(AnchorView.From)], page.NextCursor));
    }
}

namespace AmbassadorNet.Persistence.Pagination;

/// <summary>One page of a list and the opaque cursor of the next, null on the last page.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor)
{
    public Page<TResult> Map<TResult>(Func<T, TResult> map) => new(Items.Select(map).ToList(), NextCursor);
}

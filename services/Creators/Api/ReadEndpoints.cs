namespace AmbassadorNet.Creators.Api;

internal static class ReadEndpoints
{
    public static async Task<Ok<CreatorView>> GetAsync(Guid id, CreatorsDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(CreatorView.From(await db.LoadAsync(id, cancellationToken)));
}

using AmbassadorNet.ServiceDefaults.Persistence;

namespace AmbassadorNet.Creators.Persistence;

/// <summary>Loading a whole creator, and saving with the database's refusals turned into 409s a client can act on.</summary>
public static class CreatorStore
{
    public static async Task<Creator> LoadAsync(this CreatorsDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.Creators.Include(c => c.Accounts).SingleOrDefaultAsync(c => c.Id == id, cancellationToken)
        ?? throw new NotFoundException($"Creator {id} does not exist.");

    public static Task SaveAsync(this CreatorsDbContext db, CancellationToken cancellationToken) =>
        db.SaveOrConflictAsync("The creator was changed by another request at the same time; read it again and retry.", Duplicates, cancellationToken);

    private static readonly Dictionary<string, string> Duplicates = new()
    {
        ["ix_creators_brand_id_email_normalized"] = "Another creator of this brand already has this email address.",
        ["ix_social_accounts_brand_id_platform_handle_normalized"] = "Another creator of this brand already has this handle on this platform.",
        ["ix_payout_profile_proposals_creator_id"] = "Another proposal of yours was made at the same moment; read your proposals and retry.",
    };
}

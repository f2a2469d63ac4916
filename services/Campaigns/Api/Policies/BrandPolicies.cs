namespace AmbassadorNet.Campaigns.Api.Policies;

/// <summary>
/// What replacing one of the brand's content policies (disclosure, exclusivity, usage rights) always
/// does: the same policy again changes nothing and publishes nothing; otherwise the brand's one row is
/// made on first use, changed, and its event saved with it. A unique index per brand makes two first
/// writes at once one 409.
/// </summary>
internal static class BrandPolicies
{
    public static async Task<TPolicy> ReplaceAsync<TPolicy>(
        CampaignsDbContext db, DbSet<TPolicy> policies, Func<TPolicy, bool> unchanged, Action<TPolicy> change, Func<TPolicy, IIntegrationEvent> changed,
        TimeProvider clock, CancellationToken ct)
        where TPolicy : BrandOwnedEntity, new()
    {
        var policy = await policies.SingleOrDefaultAsync(ct);
        if (policy is not null && unchanged(policy))
        {
            return policy;
        }

        if (policy is null)
        {
            policy = new TPolicy { Id = Ids.New(clock), BrandId = db.CurrentBrandId };
            policies.Add(policy);
        }

        change(policy);
        db.AddEvent(changed(policy), clock);
        await db.SaveAsync(ct);
        return policy;
    }
}

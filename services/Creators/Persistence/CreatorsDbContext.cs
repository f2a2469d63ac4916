using AmbassadorNet.ServiceDefaults.Approvals;

namespace AmbassadorNet.Creators.Persistence;

public sealed class CreatorsDbContext(DbContextOptions<CreatorsDbContext> options, BrandScope brandScope) : ServiceDbContext<CreatorsDbContext>(options, brandScope)
{
    public DbSet<Creator> Creators => Set<Creator>();

    public DbSet<SocialAccount> Accounts => Set<SocialAccount>();

    public DbSet<StatSnapshot> Snapshots => Set<StatSnapshot>();

    public DbSet<TierChange> TierChanges => Set<TierChange>();

    public DbSet<PayoutProfileProposal> Proposals => Set<PayoutProfileProposal>();

    public DbSet<ApprovalPolicyReplica> ApprovalPolicies => Set<ApprovalPolicyReplica>();

    protected override IEnumerable<Type> EnumsStoredAsText =>
        [typeof(CreatorStatus), typeof(Tier), typeof(Platform), typeof(PayoutMethod), typeof(TaxFormStatus), typeof(ProposalStatus)];
}

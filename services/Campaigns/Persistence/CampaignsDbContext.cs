using AmbassadorNet.Campaigns.Domain.Agreements;
using AmbassadorNet.Campaigns.Domain.Disclosure;
using AmbassadorNet.Campaigns.Domain.Exclusivity;
using AmbassadorNet.Campaigns.Domain.Experiments;
using AmbassadorNet.Campaigns.Domain.Gifts;
using AmbassadorNet.Campaigns.Domain.Posts;
using AmbassadorNet.Campaigns.Domain.UsageRights;
using AmbassadorNet.ServiceDefaults.Approvals;

namespace AmbassadorNet.Campaigns.Persistence;

public sealed class CampaignsDbContext(DbContextOptions<CampaignsDbContext> options, BrandScope brandScope) : ServiceDbContext<CampaignsDbContext>(options, brandScope)
{
    public DbSet<Campaign> Campaigns => Set<Campaign>();

    public DbSet<CampaignTermsVersion> TermsVersions => Set<CampaignTermsVersion>();

    public DbSet<Enrollment> Enrollments => Set<Enrollment>();

    public DbSet<Deliverable> Deliverables => Set<Deliverable>();

    public DbSet<CreatorReplica> Creators => Set<CreatorReplica>();

    public DbSet<Post> Posts => Set<Post>();

    public DbSet<MetricSnapshot> MetricSnapshots => Set<MetricSnapshot>();

    public DbSet<Gift> Gifts => Set<Gift>();

    public DbSet<Experiment> Experiments => Set<Experiment>();

    public DbSet<Agreement> Agreements => Set<Agreement>();

    public DbSet<AgreementTemplate> AgreementTemplates => Set<AgreementTemplate>();

    public DbSet<DisclosurePolicy> DisclosurePolicies => Set<DisclosurePolicy>();

    public DbSet<ExclusivityPolicy> ExclusivityPolicies => Set<ExclusivityPolicy>();

    public DbSet<CreatorExclusivity> CreatorExclusivities => Set<CreatorExclusivity>();

    public DbSet<UsageGrant> UsageGrants => Set<UsageGrant>();

    public DbSet<PostUsageRights> PostUsageRights => Set<PostUsageRights>();

    public DbSet<UsageRightsPolicy> UsageRightsPolicies => Set<UsageRightsPolicy>();

    public DbSet<UsageRightsNotice> UsageRightsNotices => Set<UsageRightsNotice>();

    public DbSet<CommissionOverrideProposal> OverrideProposals => Set<CommissionOverrideProposal>();

    public DbSet<ApprovalPolicyReplica> ApprovalPolicies => Set<ApprovalPolicyReplica>();

    protected override IEnumerable<Type> EnumsStoredAsText =>
        [typeof(CampaignStatus), typeof(Objective), typeof(EnrollmentStatus), typeof(DeliverableType), typeof(DeliverableStatus), typeof(PostFormat), typeof(GiftStatus),
         typeof(ExperimentStatus), typeof(VariantAssignment), typeof(AgreementStatus), typeof(DisclosureStatus), typeof(ConflictAction), typeof(OverrideProposalStatus)];
}

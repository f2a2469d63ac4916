using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AmbassadorNet.Payouts.Persistence;

/// <summary>Approvals (the shared mapping) and the approval policy: the tables of Migrations/0008_approval_policy.sql.</summary>
internal sealed class ApprovalMapping : AmbassadorNet.ServiceDefaults.Approvals.ApprovalMapping, IEntityTypeConfiguration<ApprovalPolicySetting>
{
    public void Configure(EntityTypeBuilder<ApprovalPolicySetting> policy)
    {
        policy.ToTable("approval_policies");
        policy.HasKey(p => p.BrandId);
    }
}

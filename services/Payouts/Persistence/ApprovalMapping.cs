using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AmbassadorNet.Payouts.Persistence;

/// <summary>How approvals and the approval policy map to the tables of Migrations/0008_approval_policy.sql.</summary>
internal sealed class ApprovalMapping : IEntityTypeConfiguration<Approval>, IEntityTypeConfiguration<ApprovalPolicySetting>
{
    public void Configure(EntityTypeBuilder<Approval> approval)
    {
        approval.ToTable("approvals");
        approval.Property(a => a.SubjectType).HasMaxLength(30);
        approval.HasIndex(a => new { a.BrandId, a.SubjectType, a.SubjectId, a.MemberId }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<ApprovalPolicySetting> policy)
    {
        policy.ToTable("approval_policies");
        policy.HasKey(p => p.BrandId);
    }
}

using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AmbassadorNet.Creators.Persistence;

/// <summary>Approvals (the shared mapping) and the replica of the approval policy: tables of Migrations/0003_payee_approvals.sql.</summary>
internal sealed class ApprovalMapping : AmbassadorNet.ServiceDefaults.Approvals.ApprovalMapping, IEntityTypeConfiguration<ApprovalPolicyReplica>
{
    public void Configure(EntityTypeBuilder<ApprovalPolicyReplica> replica)
    {
        replica.ToTable("approval_policy_replicas");
        replica.HasKey(r => r.BrandId);
    }
}

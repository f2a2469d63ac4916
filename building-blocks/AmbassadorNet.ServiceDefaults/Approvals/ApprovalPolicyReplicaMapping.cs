using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AmbassadorNet.ServiceDefaults.Approvals;

/// <summary>
/// The <c>approval_policy_replicas</c> table of a service that enforces part of the brand's approval policy,
/// mapped like <see cref="ApprovalMapping"/>: a class of the service's own in its Persistence namespace names
/// the count's column for the kind of change it holds, and a migration of its own creates the table.
/// </summary>
/// <param name="approvalsColumn">The count, named for what it counts (<c>payee_details_approvals</c>).</param>
public abstract class ApprovalPolicyReplicaMapping(string approvalsColumn) : IEntityTypeConfiguration<ApprovalPolicyReplica>
{
    public void Configure(EntityTypeBuilder<ApprovalPolicyReplica> replica)
    {
        replica.ToTable("approval_policy_replicas");
        replica.HasKey(r => r.BrandId);
        replica.Property(r => r.Approvals).HasColumnName(approvalsColumn);
    }
}

using AmbassadorNet.Persistence.Conventions;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AmbassadorNet.Campaigns.Persistence;

/// <summary>Approvals, the replica of the approval policy (the shared mappings) and held overrides: tables of Migrations/0011_commission_override_approvals.sql.</summary>
internal sealed class ApprovalMapping : AmbassadorNet.ServiceDefaults.Approvals.ApprovalMapping, IEntityTypeConfiguration<CommissionOverrideProposal>
{
    public void Configure(EntityTypeBuilder<CommissionOverrideProposal> proposal)
    {
        proposal.ToTable("commission_override_proposals");
        proposal.Property(p => p.CommissionOverride).AsJson();
        proposal.Property(p => p.Note).HasMaxLength(CommissionOverrideProposal.MaxNote);
        proposal.Property(p => p.Version).IsConcurrencyToken();
        proposal.HasOne<Campaign>().WithMany().HasForeignKey(p => p.CampaignId);
        proposal.HasOne<Enrollment>().WithMany().HasForeignKey(p => p.EnrollmentId);
        proposal.HasIndex(p => new { p.EnrollmentId, p.ProposedAt });
        proposal.HasIndex(p => p.EnrollmentId).HasFilter("status = 'pending'").IsUnique().HasDatabaseName("ix_commission_override_proposals_enrollment_id_pending");
    }
}

internal sealed class ApprovalPolicyReplicaMapping() : AmbassadorNet.ServiceDefaults.Approvals.ApprovalPolicyReplicaMapping("commission_overrides_approvals");

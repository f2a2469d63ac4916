using AmbassadorNet.Campaigns.Domain.Agreements;
using AmbassadorNet.Persistence.Conventions;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AmbassadorNet.Campaigns.Persistence;

/// <summary>How agreements and their templates map to the tables of Migrations/0008_agreements.sql.</summary>
internal sealed class AgreementMapping : IEntityTypeConfiguration<Agreement>, IEntityTypeConfiguration<AgreementTemplate>
{
    public void Configure(EntityTypeBuilder<Agreement> agreement)
    {
        agreement.ToTable("agreements");
        agreement.Property(a => a.Fields).AsJson();
        agreement.Property(a => a.DeliverablesOwed).AsJson();
        agreement.Property(a => a.TextSha256).HasMaxLength(64).IsFixedLength();
        agreement.Property(a => a.FeeCurrency).HasMaxLength(3).IsFixedLength();
        agreement.Property(a => a.Version).IsConcurrencyToken();
        agreement.HasOne<Campaign>().WithMany().HasForeignKey(a => a.CampaignId);
        agreement.HasOne<Enrollment>().WithMany().HasForeignKey(a => a.EnrollmentId);
        agreement.HasOne<AgreementTemplate>().WithMany().HasForeignKey(a => a.TemplateId);
        agreement.HasIndex(a => new { a.EnrollmentId, a.AgreementVersion }).IsUnique();
        agreement.HasIndex(a => new { a.BrandId, a.SentAt });
        agreement.HasIndex(a => a.CreatorId);
        agreement.HasIndex(a => a.AcceptBy).HasFilter("status = 'sent'");
    }

    public void Configure(EntityTypeBuilder<AgreementTemplate> template)
    {
        template.ToTable("agreement_templates");
        template.Property(t => t.Name).HasMaxLength(200);
        template.HasIndex(t => new { t.BrandId, t.CreatedAt });
    }
}

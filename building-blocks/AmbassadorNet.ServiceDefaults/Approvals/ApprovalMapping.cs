using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AmbassadorNet.ServiceDefaults.Approvals;

/// <summary>
/// The <c>approvals</c> table of a service that holds approvals. A service maps it by deriving a class of its
/// own in its Persistence namespace (its context applies the configurations found there) and creates the
/// table with the columns below in a migration of its own.
/// </summary>
public abstract class ApprovalMapping : IEntityTypeConfiguration<Approval>
{
    public void Configure(EntityTypeBuilder<Approval> approval)
    {
        approval.ToTable("approvals");
        approval.Property(a => a.SubjectType).HasMaxLength(30);
        approval.HasIndex(a => new { a.BrandId, a.SubjectType, a.SubjectId, a.MemberId }).IsUnique();
    }
}

namespace AmbassadorNet.Audit.Persistence;

public sealed class AuditDbContext(DbContextOptions<AuditDbContext> options, BrandScope brandScope) : ServiceDbContext<AuditDbContext>(options, brandScope)
{
    public DbSet<AuditEntry> Entries => Set<AuditEntry>();

    public DbSet<AuditPersonal> Personal => Set<AuditPersonal>();

    public DbSet<AuditHead> Heads => Set<AuditHead>();

    public DbSet<AuditAnchor> Anchors => Set<AuditAnchor>();

    public DbSet<AuditErasure> Erasures => Set<AuditErasure>();
}

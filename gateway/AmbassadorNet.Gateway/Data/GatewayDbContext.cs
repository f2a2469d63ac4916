using AmbassadorNet.Messaging;
using AmbassadorNet.Persistence.MigrationRunner;
using AmbassadorNet.Persistence.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace AmbassadorNet.Gateway.Data;

/// <summary>
/// The gateway's own database. API keys are brand-owned, so an admin's list and revoke can only see
/// their brand; the per-request lookup by hash spans brands by nature and says so explicitly. The outbox
/// beside them carries the audit records of the gateway's own changes (keys, members, the identity provider)
/// and the erasure of a member, committed with the change.
/// </summary>
public sealed class GatewayDbContext(DbContextOptions<GatewayDbContext> options, BrandScope brandScope) : BrandScopedDbContext(options, brandScope)
{
    public static IReadOnlyList<SqlMigration> Migrations { get; } = [.. MessagingMigrations.Scripts, .. EmbeddedMigrations.From(typeof(GatewayDbContext).Assembly)];

    public DbSet<Brand> Brands => Set<Brand>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    public DbSet<Member> Members => Set<Member>();

    public DbSet<IdentityProvider> IdentityProviders => Set<IdentityProvider>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.AddMessagingTables();
        modelBuilder.Entity<Brand>(brand =>
        {
            brand.Property(b => b.Id).ValueGeneratedNever();
            brand.Property(b => b.Name).HasMaxLength(200);
        });

        modelBuilder.Entity<Member>(member =>
        {
            member.Property(m => m.Id).ValueGeneratedNever();
            member.Property(m => m.Name).HasMaxLength(200);
            member.Property(m => m.Email).HasMaxLength(320);
            member.Property(m => m.IdentityIssuer).HasMaxLength(500);
            member.Property(m => m.IdentitySubject).HasMaxLength(255);
            member.HasIndex(m => new { m.BrandId, m.CreatedAt });
            member.HasIndex(m => new { m.BrandId, m.Email }).IsUnique().HasFilter("email IS NOT NULL");
            member.HasIndex(m => new { m.BrandId, m.IdentityIssuer, m.IdentitySubject }).IsUnique().HasFilter("identity_subject IS NOT NULL")
                .HasDatabaseName("ix_members_brand_id_identity");
            member.HasIndex(m => new { m.BrandId, m.CreatorId }).IsUnique().HasFilter("creator_id IS NOT NULL");
            member.HasOne<Brand>().WithMany().HasForeignKey(m => m.BrandId);
            member.Property(m => m.Roles).HasMaxLength(200).HasConversion(RolesConversion.Converter, RolesConversion.Comparer);
        });

        modelBuilder.Entity<IdentityProvider>(provider =>
        {
            provider.HasKey(p => p.BrandId);
            provider.Property(p => p.Issuer).HasMaxLength(500);
            provider.Property(p => p.Audience).HasMaxLength(200);
            provider.Property(p => p.RolesClaim).HasMaxLength(100);
            provider.HasIndex(p => new { p.Issuer, p.Audience }).IsUnique();
            provider.HasOne<Brand>().WithMany().HasForeignKey(p => p.BrandId);
            provider.Property(p => p.RoleMappings).HasConversion(RoleMappingsConversion.Converter, RoleMappingsConversion.Comparer);
        });

        modelBuilder.Entity<ApiKey>(key =>
        {
            key.Property(k => k.Id).ValueGeneratedNever();
            key.Property(k => k.Name).HasMaxLength(100);
            key.Property(k => k.DisplayPrefix).HasMaxLength(20);
            key.Property(k => k.KeyHash).HasMaxLength(64);
            key.HasIndex(k => k.KeyHash).IsUnique();
            key.HasIndex(k => new { k.BrandId, k.CreatedAt });
            key.HasIndex(k => new { k.BrandId, k.CreatorId }).HasFilter("creator_id IS NOT NULL");
            key.Property(k => k.Kind).HasMaxLength(20);
            key.HasOne<Member>().WithMany().HasForeignKey(k => k.MemberId);
            key.HasOne<Brand>().WithMany().HasForeignKey(k => k.BrandId);
            key.Property(k => k.Roles).HasMaxLength(200).HasConversion(RolesConversion.Converter, RolesConversion.Comparer);
        });
    }
}

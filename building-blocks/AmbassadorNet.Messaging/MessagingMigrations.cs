using AmbassadorNet.Persistence.MigrationRunner;

namespace AmbassadorNet.Messaging;

/// <summary>The outbox, inbox and parking tables; every service lists these before its own scripts.</summary>
public static class MessagingMigrations
{
    public const string Module = "messaging";

    public static IReadOnlyList<SqlMigration> Scripts { get; } = EmbeddedMigrations.From(typeof(MessagingMigrations).Assembly, Module);

    /// <summary>Every script a service's database needs: messaging, idempotency, then the service's own.</summary>
    public static IReadOnlyList<SqlMigration> ForService(System.Reflection.Assembly service) =>
        [.. Scripts, .. AmbassadorNet.ServiceDefaults.Idempotency.IdempotencyModel.Scripts, .. EmbeddedMigrations.From(service)];
}

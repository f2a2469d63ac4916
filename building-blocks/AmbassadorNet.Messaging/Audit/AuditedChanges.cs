using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using AmbassadorNet.Contracts.Audit;
using AmbassadorNet.Persistence.Auditing;
using AmbassadorNet.Persistence.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

namespace AmbassadorNet.Messaging.Audit;

/// <summary>
/// The brand's rows a save creates, updates or deletes, as the audit trail records them: per row its
/// changed fields with before and after, secrets as "***", personal data apart under its owner.
/// Brand-owned rows and the rows they own (a creator's payout profile) count; the outbox, inbox and
/// idempotency tables do not.
/// </summary>
public static class AuditedChanges
{
    public const string Hidden = "***";

    /// <summary>The API's JSON: camelCase, enums as snake_case text.</summary>
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    private static readonly ConcurrentDictionary<(Type, string), FieldKind> Kinds = new();

    private enum FieldKind
    {
        Plain,
        Secret,
        Personal,
        Ignored,
    }

    public static List<AuditChange> Of(ChangeTracker tracker) =>
        [.. tracker.Entries().Where(Audited).Select(Change).OfType<AuditChange>()];

    /// <summary>The brands of the audited rows a save changes (an owned row counts through its owner's).</summary>
    public static IEnumerable<Guid> BrandsOf(ChangeTracker tracker) =>
        tracker.Entries().Where(Audited).Select(e => e.Entity).OfType<IBrandOwned>().Select(owned => owned.BrandId);

    private static bool Audited(EntityEntry entry) =>
        entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
        && (entry.Entity is IBrandOwned || entry.Metadata.IsOwned());

    private static AuditChange? Change(EntityEntry entry)
    {
        var fields = new SortedDictionary<string, AuditFieldChange>(StringComparer.Ordinal);
        var personal = new SortedDictionary<string, AuditFieldChange>(StringComparer.Ordinal);
        foreach (var property in entry.Properties.Where(p => !p.Metadata.IsPrimaryKey() && !p.Metadata.IsConcurrencyToken && p.Metadata.Name != nameof(IBrandOwned.BrandId)))
        {
            var kind = KindOf(entry.Metadata.ClrType, property.Metadata);
            if (kind == FieldKind.Ignored || FieldChange(entry.State, property, kind == FieldKind.Secret) is not { } change)
            {
                continue;
            }

            (kind == FieldKind.Personal ? personal : fields)[JsonNamingPolicy.CamelCase.ConvertName(property.Metadata.Name)] = change;
        }

        if (fields.Count == 0 && personal.Count == 0)
        {
            return null;
        }

        var operation = entry.State switch { EntityState.Added => "created", EntityState.Deleted => "deleted", _ => "updated" };
        return new AuditChange(
            entry.Metadata.GetTableName() ?? entry.Metadata.ShortName(), KeyOf(entry), operation, fields,
            personal.Count == 0 ? null : Owner(entry) with { Fields = personal });
    }

    private static AuditFieldChange? FieldChange(EntityState state, PropertyEntry property, bool secret)
    {
        var before = state == EntityState.Added ? null : Value(property.OriginalValue, secret);
        var after = state == EntityState.Deleted ? null : Value(property.CurrentValue, secret);
        if (before is null && after is null)
        {
            return null;
        }

        // A value set to itself is no change, whatever the tracker says; a secret compares by its real value.
        var same = state == EntityState.Modified && (secret
            ? Equals(property.OriginalValue, property.CurrentValue)
            : before is { } b && after is { } a && b.GetRawText() == a.GetRawText());
        return same ? null : new AuditFieldChange(before, after);
    }

    private static JsonElement? Value(object? value, bool secret) => value switch
    {
        null => null,
        _ when secret => JsonSerializer.SerializeToElement(Hidden, Json),
        _ => JsonSerializer.SerializeToElement(value, value.GetType(), Json),
    };

    private static FieldKind KindOf(Type type, IPropertyBase property) => Kinds.GetOrAdd((type, property.Name), _ =>
        property.PropertyInfo is not { } info ? FieldKind.Plain
        : info.IsDefined(typeof(AuditIgnoreAttribute)) ? FieldKind.Ignored
        : info.IsDefined(typeof(AuditSecretAttribute)) ? FieldKind.Secret
        : info.IsDefined(typeof(PersonalDataAttribute)) ? FieldKind.Personal
        : FieldKind.Plain);

    private static string KeyOf(EntityEntry entry) =>
        string.Join('/', entry.Metadata.FindPrimaryKey()!.Properties.Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue, System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>Whose the personal fields are: the row's own key for a person's row, else its CreatorId or MemberId.</summary>
    private static AuditPersonalData Owner(EntityEntry entry)
    {
        var none = new AuditPersonalData(null, null, new Dictionary<string, AuditFieldChange>());
        if (entry.Metadata.ClrType.GetCustomAttribute<DataSubjectAttribute>() is { } subject
            && entry.Metadata.FindPrimaryKey()?.Properties is [{ } key] && entry.Property(key.Name).CurrentValue is Guid id)
        {
            return subject.Kind == DataSubjectKind.Creator ? none with { CreatorId = id } : none with { MemberId = id };
        }

        return none with { CreatorId = GuidOf(entry, "CreatorId"), MemberId = GuidOf(entry, "MemberId") };
    }

    private static Guid? GuidOf(EntityEntry entry, string name) =>
        entry.Metadata.FindProperty(name) is { } property ? entry.Property(property.Name).CurrentValue as Guid? : null;
}

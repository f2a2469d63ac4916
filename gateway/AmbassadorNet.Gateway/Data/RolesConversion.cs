using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace AmbassadorNet.Gateway.Data;

/// <summary>Roles in one comma-separated column: it keeps the model provider-neutral (no PostgreSQL arrays).</summary>
internal static class RolesConversion
{
    public static readonly ValueConverter<List<string>, string> Converter = new(
        roles => string.Join(',', roles),
        text => text.Split(',', StringSplitOptions.RemoveEmptyEntries).ToList());

    public static readonly ValueComparer<List<string>> Comparer = new(
        (a, b) => a!.SequenceEqual(b!), r => r.Aggregate(0, (h, s) => HashCode.Combine(h, s.GetHashCode())), r => r.ToList());
}

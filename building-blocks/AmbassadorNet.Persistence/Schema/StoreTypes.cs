namespace AmbassadorNet.Persistence.Schema;

/// <summary>Spells a PostgreSQL type one way, whichever alias the model or a script used.</summary>
internal static class StoreTypes
{
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["int"] = "integer",
        ["int4"] = "integer",
        ["int8"] = "bigint",
        ["int2"] = "smallint",
        ["bool"] = "boolean",
        ["float8"] = "double precision",
        ["float4"] = "real",
        ["decimal"] = "numeric",
        ["varchar"] = "character varying",
        ["char"] = "character",
        ["timestamptz"] = "timestamp with time zone",
        ["timestamp"] = "timestamp without time zone",
    };

    public static string Normalize(string storeType)
    {
        var type = storeType.Trim().ToLowerInvariant();
        var array = type.EndsWith("[]", StringComparison.Ordinal);
        if (array)
        {
            type = type[..^2];
        }

        var parenthesis = type.IndexOf('(');
        var name = parenthesis < 0 ? type : type[..parenthesis].Trim();
        var arguments = parenthesis < 0 ? "" : type[parenthesis..].Replace(" ", "");
        if (Aliases.TryGetValue(name, out var canonical))
        {
            name = canonical;
        }

        return name + arguments + (array ? "[]" : "");
    }
}

namespace AmbassadorNet.Persistence.Schema;

/// <summary>One difference between what the EF model expects and what the migrated database has.</summary>
public sealed record SchemaDrift(string Table, string What)
{
    public override string ToString() => $"{Table}: {What}";
}

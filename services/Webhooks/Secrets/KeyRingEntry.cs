namespace AmbassadorNet.Webhooks.Secrets;

/// <summary>A row of data_protection_keys, mapped only so the schema check covers the table; <see cref="KeyRingRepository"/> reads and writes it.</summary>
public sealed class KeyRingEntry
{
    public long Id { get; set; }

    public string FriendlyName { get; set; } = "";

    /// <summary>The key's XML, its secret part sealed (<see cref="KeyRingEncryptor"/>).</summary>
    public string Xml { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
}

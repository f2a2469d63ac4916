using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

namespace AmbassadorNet.Audit.Domain;

/// <summary>
/// The chain's arithmetic, in one place for appending and verifying:
/// entry_hash = SHA-256(prev_hash ‖ canonical JSON of the entry, personal_hash included), with 32 zero
/// bytes before the first entry; personal_hash = SHA-256(salt ‖ canonical JSON of the personal data).
/// Times are hashed at microseconds, what PostgreSQL keeps.
/// </summary>
public static class EntryHashing
{
    public const int HashLength = 32;

    public static byte[] Genesis { get; } = new byte[HashLength];

    public static byte[] EntryHash(byte[] prevHash, AuditEntry entry)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        prevHash.CopyTo(buffer.GetSpan(prevHash.Length));
        buffer.Advance(prevHash.Length);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("brandId", entry.BrandId);
            writer.WriteNumber("seq", entry.Seq);
            writer.WriteString("id", entry.Id);
            writer.WriteString("messageId", entry.MessageId);
            writer.WriteString("occurredAt", Time(entry.OccurredAt));
            writer.WriteString("recordedAt", Time(entry.RecordedAt));
            writer.WriteString("service", entry.Service);
            writer.WriteString("requestId", entry.RequestId);
            writer.WriteString("callerKind", entry.CallerKind);
            writer.WriteString("callerKeyId", entry.CallerKeyId?.ToString());
            writer.WriteString("callerMemberId", entry.CallerMemberId?.ToString());
            writer.WriteString("callerCreatorId", entry.CallerCreatorId?.ToString());
            writer.WriteString("action", entry.Action);
            writer.WriteString("method", entry.Method);
            writer.WriteString("route", entry.Route);
            writer.WriteString("subjectType", entry.SubjectType);
            writer.WriteString("subjectId", entry.SubjectId);
            writer.WriteString("operation", entry.Operation);
            writer.WritePropertyName("changes");
            using (var changes = JsonDocument.Parse(entry.Changes))
            {
                CanonicalJson.Write(writer, changes.RootElement);
            }

            writer.WriteString("personalHash", entry.PersonalHash is null ? null : Hex(entry.PersonalHash));
            writer.WriteEndObject();
        }

        return SHA256.HashData(buffer.WrittenSpan);
    }

    public static byte[] PersonalHash(byte[] salt, string data) => SHA256.HashData([.. salt, .. CanonicalJson.Bytes(data)]);

    public static byte[] NewSalt() => RandomNumberGenerator.GetBytes(HashLength);

    /// <summary>What PostgreSQL's timestamptz keeps of a time: microseconds, UTC.</summary>
    public static DateTimeOffset Stored(DateTimeOffset time) =>
        new(time.UtcTicks - time.UtcTicks % (TimeSpan.TicksPerMillisecond / 1000), TimeSpan.Zero);

    public static string Hex(byte[] hash) => Convert.ToHexStringLower(hash);

    public static bool TryParseHex(string? text, out byte[] hash)
    {
        hash = [];
        if (text is not { Length: HashLength * 2 } || !text.All(Uri.IsHexDigit))
        {
            return false;
        }

        hash = Convert.FromHexString(text);
        return true;
    }

    private static string Time(DateTimeOffset time) => Stored(time).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
}

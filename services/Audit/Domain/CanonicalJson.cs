using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace AmbassadorNet.Audit.Domain;

/// <summary>
/// One byte sequence per JSON value, whatever wrote it: object members in ordinal order, no
/// whitespace, numbers as their decimal value, strings escaped one way. PostgreSQL's jsonb reorders
/// members and drops whitespace, so a hash over the text we inserted could not be checked against the
/// text we read back; a hash over this form can.
/// </summary>
public static class CanonicalJson
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false };

    public static byte[] Bytes(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Bytes(document.RootElement);
    }

    public static byte[] Bytes(JsonElement value)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            Write(writer, value);
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static string Text(string json) => System.Text.Encoding.UTF8.GetString(Bytes(json));

    public static void Write(Utf8JsonWriter writer, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in value.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(property.Name);
                    Write(writer, property.Value);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in value.EnumerateArray())
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case JsonValueKind.Number:
                // jsonb keeps a number's decimal value, not its spelling (1E2 comes back as 100).
                writer.WriteRawValue(decimal.TryParse(value.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                    ? number.ToString(CultureInfo.InvariantCulture)
                    : value.GetRawText());
                break;
            default:
                value.WriteTo(writer);
                break;
        }
    }
}

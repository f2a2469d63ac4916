using System.Buffers.Text;
using System.Text.Json;

namespace AmbassadorNet.Persistence.Pagination;

/// <summary>
/// The position after the last row of a page: its sort key and id, plus the name of the sort, so a
/// cursor from one ordering is refused by another. Encoded as base64url JSON: opaque to clients,
/// not a secret (it only holds values the client has already seen).
/// </summary>
internal sealed record Cursor<TKey>(string Sort, TKey Key, Guid Id)
{
    public string Encode() => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(this));

    public static Cursor<TKey> Decode(string text, string sort)
    {
        Cursor<TKey>? cursor;
        try
        {
            cursor = JsonSerializer.Deserialize<Cursor<TKey>>(Base64Url.DecodeFromChars(text));
        }
        catch (Exception e) when (e is FormatException or JsonException or NotSupportedException)
        {
            throw new InvalidCursorException("it cannot be read");
        }

        if (cursor is null || cursor.Key is null)
        {
            throw new InvalidCursorException("it is empty");
        }

        return cursor.Sort == sort ? cursor : throw new InvalidCursorException($"it belongs to the '{cursor.Sort}' order, not '{sort}'");
    }
}

using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace AmbassadorNet.Tracking.Api;

/// <summary>
/// Reads the fields of a JSON body by hand so that a value of the wrong type (a click id that is not
/// a UUID, an amount that is not a number) becomes a 400 naming that field, like every other mistake,
/// instead of a deserializer error about the whole body.
/// </summary>
internal sealed partial class JsonFields(JsonElement body, FieldErrors errors)
{
    public static JsonFields Of(JsonElement body, FieldErrors errors)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            errors.Add("body", "A JSON object is required.");
        }

        return new(body, errors);
    }

    public string? String(string name, bool required = false)
    {
        var value = Find(name);
        if (value is null || value.Value.ValueKind == JsonValueKind.Null)
        {
            errors.Check(!required, name, "Required.");
            return null;
        }

        if (value.Value.ValueKind != JsonValueKind.String)
        {
            errors.Add(name, "Must be a string.");
            return null;
        }

        return Text(value.Value, name);
    }

    /// <summary>JSON may escape an unpaired surrogate ("\udfff"); no .NET string API can read it as text.</summary>
    private string? Text(JsonElement value, string name)
    {
        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException)
        {
            errors.Add(name, "Must be valid Unicode text (it holds an unpaired surrogate).");
            return null;
        }
    }

    public Guid? Guid(string name)
    {
        var text = String(name);
        if (text is null)
        {
            return null;
        }

        if (System.Guid.TryParse(text, out var id) && id != System.Guid.Empty)
        {
            return id;
        }

        errors.Add(name, "Must be a UUID.");
        return null;
    }

    /// <summary>A JSON number, or a string holding one ("19.99"), as shops send both.</summary>
    public decimal? Decimal(string name)
    {
        var value = Find(name);
        switch (value?.ValueKind)
        {
            case null or JsonValueKind.Null:
                errors.Add(name, "Required.");
                return null;
            case JsonValueKind.Number when value.Value.TryGetDecimal(out var number):
                return number;
            case JsonValueKind.String when decimal.TryParse(Text(value.Value, name), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed):
                return parsed;
            default:
                errors.Add(name, "Must be a decimal number such as 19.99.");
                return null;
        }
    }

    /// <summary>ISO 8601 with an explicit offset (Z or ±hh:mm): a time without one is ambiguous.</summary>
    public DateTimeOffset? Time(string name, bool required)
    {
        var text = String(name, required);
        return text is null ? null : ParseTime(text, name, errors);
    }

    public static DateTimeOffset? ParseTime(string text, string name, FieldErrors errors)
    {
        if (IsoWithOffset().IsMatch(text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return OrderRules.ToMicroseconds(time);
        }

        errors.Add(name, "Must be an ISO 8601 time with an offset, e.g. 2026-03-01T12:30:00Z.");
        return null;
    }

    private JsonElement? Find(string name) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out var value) ? value : null;

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex IsoWithOffset();
}

namespace AmbassadorNet.Tracking.Api;

/// <summary>A list's query parameters, read as text so every malformed one is named in the same 400.</summary>
internal static class QueryParameters
{
    public static Guid? Id(FieldErrors errors, string name, string? text)
    {
        if (text is null)
        {
            return null;
        }

        errors.Check(Guid.TryParse(text, out var id), name, "Must be a UUID.");
        return id;
    }

    /// <summary>A time range whose start is inclusive and end exclusive; an end before the start is an error on the end.</summary>
    public static (DateTimeOffset? From, DateTimeOffset? To) Range(FieldErrors errors, string fromName, string? fromText, string toName, string? toText)
    {
        var from = fromText is null ? null : JsonFields.ParseTime(fromText, fromName, errors);
        var to = toText is null ? null : JsonFields.ParseTime(toText, toName, errors);
        errors.Check(from is null || to is null || from <= to, toName, $"Must not be before {fromName}.");
        return (from, to);
    }
}

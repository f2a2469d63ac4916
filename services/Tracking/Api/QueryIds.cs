namespace AmbassadorNet.Tracking.Api;

/// <summary>An id in a query string: read as text so a malformed one is named in the 400 with the other errors.</summary>
internal static class QueryIds
{
    public static Guid? Read(FieldErrors errors, string name, string? text)
    {
        if (text is null)
        {
            return null;
        }

        errors.Check(Guid.TryParse(text, out var id), name, "Must be a UUID.");
        return id;
    }
}

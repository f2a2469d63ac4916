using AmbassadorNet.ServiceDefaults.Errors;

namespace AmbassadorNet.ServiceDefaults.Files;

/// <summary>
/// How a CSV import treats bad rows: "all-or-nothing" (the default) stores nothing unless every row
/// is good and answers 400 with the per-row report; "partial" stores the good rows and reports the rest.
/// </summary>
public static class ImportModes
{
    public const string AllOrNothing = "all-or-nothing";
    public const string Partial = "partial";

    /// <summary>The mode asked for (default all-or-nothing); anything else is a 400 naming the field "mode".</summary>
    public static string Parse(string? mode) => mode switch
    {
        null => AllOrNothing,
        AllOrNothing or Partial => mode,
        _ => throw new RequestValidationException("mode", $"One of: {AllOrNothing}, {Partial}."),
    };

    /// <summary>The 400 of an all-or-nothing import with bad rows: nothing was stored; <paramref name="rows"/> is the report.</summary>
    public static RequestValidationException Refused(int rejected, int total, object rows)
    {
        var refused = new RequestValidationException("file", $"{rejected} of {total} rows are not valid; nothing was imported.");
        refused.Extensions["rows"] = rows;
        return refused;
    }
}

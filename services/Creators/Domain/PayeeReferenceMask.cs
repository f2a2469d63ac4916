namespace AmbassadorNet.Creators.Domain;

/// <summary>
/// What a creator's own routes and the proposal events show of a payee reference: its last four
/// characters behind a fixed mask (which says nothing of its length); a reference of four characters
/// or fewer shows none.
/// </summary>
public static class PayeeReferenceMask
{
    private const string Mask = "****";

    public static string Last4(string reference) => reference.Length > 4 ? reference[^4..] : "";

    public static string? Masked(string? reference) => reference is null ? null : Mask + Last4(reference);
}

namespace AmbassadorNet.Campaigns.Domain.Agreements;

/// <summary>
/// Whether a deliverable may be approved as far as paperwork goes. The agreement that governs it is
/// the latest version sent at or before its submission; it, or a later version, must be accepted. No
/// version sent by then: the brand did not use agreements for it, and nothing is required. Orders'
/// commission never waits on this: it is earned by sales, not by paperwork.
/// </summary>
public static class AgreementGate
{
    /// <returns>Null when approval may go ahead; else why not.</returns>
    public static string? Check(IReadOnlyList<Agreement> versions, DateTimeOffset submittedAt)
    {
        var governing = versions.Where(v => v.SentAt <= submittedAt).MaxBy(v => v.AgreementVersion);
        if (governing is null || versions.Any(v => v.AgreementVersion >= governing.AgreementVersion && v.Status == AgreementStatus.Accepted))
        {
            return null;
        }

        return $"The content was submitted under agreement version {governing.AgreementVersion} (sent {governing.SentAt:yyyy-MM-dd HH:mm} UTC), "
            + $"which the creator has not accepted (it is {SnakeCaseEnums.Name(governing.Status)}), nor any later version: "
            + "the creator accepts it (or a newer version the brand sends) before the content can be approved.";
    }
}

namespace AmbassadorNet.Security;

/// <summary>
/// The one rule of a creator credential, checked where keys are made, where tokens are signed and where
/// they are read: the creator role is held alone and names its creator, and only it names one. A key
/// that mixed brand roles with a creator would let the creator's holder act for the brand.
/// </summary>
public static class CreatorBinding
{
    /// <summary>Null when <paramref name="roles"/> and <paramref name="creatorId"/> fit together; else why not.</summary>
    public static string? Violation(IReadOnlyCollection<string> roles, Guid? creatorId)
    {
        var isCreator = roles.Contains(Roles.Creator, StringComparer.Ordinal);
        return (isCreator, creatorId) switch
        {
            (true, _) when roles.Count > 1 => "The creator role is held alone.",
            (true, null) => "A creator credential names its creator.",
            (true, { } id) when id == Guid.Empty => "A creator credential names its creator.",
            (false, not null) => "Only a creator credential names a creator.",
            _ => null,
        };
    }
}

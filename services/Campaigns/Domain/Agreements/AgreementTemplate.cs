namespace AmbassadorNet.Campaigns.Domain.Agreements;

/// <summary>
/// A brand's terms with <c>{{field}}</c> placeholders, filled per agreement. Never changed once made: an
/// agreement names the template it came from, and a new wording is a new template.
/// </summary>
public sealed class AgreementTemplate : BrandOwnedEntity
{
    public string Name { get; set; } = "";

    public string Text { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace AmbassadorNet.Campaigns.Domain.Agreements;

/// <summary>
/// The document a creator accepts: the terms (placeholders filled) and an appendix written from the
/// agreement's structured terms, so the hash covers what is owed and paid as well as the wording.
/// Pure: the same inputs give the same bytes, hence the same hash.
/// </summary>
public static partial class AgreementDocument
{
    public const int MaxText = 50_000;

    /// <summary>The filled text, or the placeholders no value was given for.</summary>
    public static (string? Text, IReadOnlyList<string> Missing) Fill(string template, IReadOnlyDictionary<string, string> values)
    {
        var missing = new List<string>();
        var text = Placeholder().Replace(template, m =>
        {
            var name = m.Groups["name"].Value;
            if (values.TryGetValue(name, out var value))
            {
                return value;
            }

            missing.Add(name);
            return m.Value;
        });
        return missing.Count == 0 ? (text, missing) : (null, [.. missing.Distinct()]);
    }

    /// <summary>The placeholders a template asks for, in order of first appearance.</summary>
    public static IReadOnlyList<string> PlaceholdersOf(string template) =>
        [.. Placeholder().Matches(template).Select(m => m.Groups["name"].Value).Distinct()];

    /// <summary>The terms followed by the appendix; line endings normalised to \n so the hash does not depend on the sender's platform.</summary>
    public static string Compose(string terms, Agreement a, string campaignName)
    {
        var appendix = new StringBuilder();
        appendix.Append("\n\n---\n");
        appendix.Append(CultureInfo.InvariantCulture, $"Agreement version {a.AgreementVersion} for the campaign \"{campaignName}\" (enrollment {a.EnrollmentId}).\n");
        appendix.Append("Deliverables owed: ").Append(a.DeliverablesOwed.Count == 0
            ? "none beyond the campaign's brief"
            : string.Join(", ", a.DeliverablesOwed.Select(d => $"{d.Count} x {SnakeCaseEnums.Name(d.Type)}"))).Append(".\n");
        appendix.Append("Fee: ").Append(a.FeeAmount is { } fee ? string.Create(CultureInfo.InvariantCulture, $"{fee:0.00} {a.FeeCurrency}") : "none").Append(".\n");
        appendix.Append("Commission: ").Append(a.CommissionTermsVersion is { } v
            ? $"the campaign's commission plan of terms version {v} (or this enrollment's own plan where the brand set one)"
            : "as the campaign's terms say once it launches").Append(".\n");
        if (a.ExclusivityCategories.Count > 0)
        {
            appendix.Append(CultureInfo.InvariantCulture,
                $"Exclusivity: no promotion of competing products in {string.Join(", ", a.ExclusivityCategories)} from {a.ExclusiveFrom:yyyy-MM-dd} to {a.ExclusiveUntil:yyyy-MM-dd}.\n");
        }

        foreach (var grant in a.UsageRights.OrderBy(g => g.Position))
        {
            appendix.Append("Usage rights: ").Append(grant.Describe()).Append('\n');
        }

        appendix.Append(CultureInfo.InvariantCulture, $"To be accepted by {a.AcceptBy:yyyy-MM-dd HH:mm} UTC.\n");
        return (terms.Trim() + appendix).ReplaceLineEndings("\n");
    }

    public static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    [GeneratedRegex(@"\{\{\s*(?<name>[a-z][a-z0-9_.]{0,49})\s*\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}

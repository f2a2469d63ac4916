using System.Text.RegularExpressions;
using AmbassadorNet.Campaigns.Domain.Agreements;

namespace AmbassadorNet.Campaigns.Api.Agreements;

/// <summary>Checks a send request field by field; every problem is reported at once, keyed by its field.</summary>
internal static partial class AgreementValidation
{
    public const int MaxFields = 50;
    public const int MaxFieldValue = 500;
    public static readonly TimeSpan DefaultAcceptWindow = TimeSpan.FromDays(14);
    public static readonly TimeSpan MaxAcceptWindow = TimeSpan.FromDays(365);

    public static void Check(SendAgreementRequest r, DateTimeOffset now, FieldErrors errors)
    {
        errors.Check(r.EnrollmentId is { } e && e != Guid.Empty, "enrollmentId", "The enrollment the agreement is for.");
        errors.Check((r.TemplateId is null) != (r.Text is null), "text", "Either text or templateId, not both.");
        errors.Check(r.Text is null || r.Text.Trim().Length is >= 1 and <= AgreementDocument.MaxText, "text", $"1 to {AgreementDocument.MaxText} characters.");
        var fields = r.Fields ?? [];
        errors.Check(fields.Count <= MaxFields, "fields", $"At most {MaxFields} fields.");
        foreach (var (name, value) in fields)
        {
            errors.Check(FieldName().IsMatch(name), $"fields.{name}", "Lower-case letters, digits, '_' and '.', starting with a letter.");
            errors.Check(value is not null && value.Length <= MaxFieldValue, $"fields.{name}", $"A value of at most {MaxFieldValue} characters.");
        }

        var owed = r.DeliverablesOwed ?? [];
        errors.Check(owed.Count <= 20, "deliverablesOwed", "At most 20 lines.");
        for (var i = 0; i < owed.Count; i++)
        {
            DraftMerge.Parse<DeliverableType>(owed[i].Type, errors, $"deliverablesOwed[{i}].type");
            errors.Check(owed[i].Count is >= 1 and <= 100, $"deliverablesOwed[{i}].count", "From 1 to 100.");
        }

        if (r.Fee is { } fee)
        {
            errors.Check(fee.Amount is > 0 and <= 1_000_000_000, "fee.amount", "More than 0, at most 1,000,000,000.");
            errors.Check(Currency.IsValid(fee.Currency?.ToUpperInvariant()), "fee.currency", "An ISO 4217 currency code.");
        }

        if (r.Exclusivity is { } x)
        {
            var categories = x.Categories ?? [];
            errors.Check(categories.Count is >= 1 and <= 20 && categories.All(c => c is not null && Category().IsMatch(c)), "exclusivity.categories",
                "1 to 20 category slugs (lower-case letters, digits and hyphens).");
            errors.Check(x.StartsOn is not null && x.EndsOn is not null && x.StartsOn <= x.EndsOn, "exclusivity.endsOn", "A window: startsOn on or before endsOn.");
        }

        errors.Check(r.AcceptBy is null || (r.AcceptBy > now && r.AcceptBy <= now + MaxAcceptWindow), "acceptBy", "Later than now, within a year.");
    }

    [GeneratedRegex("^[a-z][a-z0-9_.]{0,49}$", RegexOptions.CultureInvariant)]
    private static partial Regex FieldName();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,49}$", RegexOptions.CultureInvariant)]
    private static partial Regex Category();
}

namespace AmbassadorNet.Campaigns.Domain;

/// <summary>The field rules of a campaign, reported under the fields' JSON names.</summary>
public static class CampaignRules
{
    public const int MaxListItems = 20;
    private static readonly string[] Tiers = ["emerging", "nano", "micro", "macro", "mega"];

    /// <summary>Rules every draft obeys; a draft may still leave fields unset (see <see cref="Completeness"/>).</summary>
    public static FieldErrors Validate(CampaignDraft d, bool allowHttpLocalhost, FieldErrors? errors = null)
    {
        errors ??= new FieldErrors();
        errors.Check(d.Name?.Trim().Length is >= 1 and <= 200, "name", "A name of 1 to 200 characters is required.");
        errors.Check(d.AlwaysOn ? d.EndsAt is null : d.StartsAt is not null && d.EndsAt is not null, d.AlwaysOn ? "endsAt" : "startsAt",
            d.AlwaysOn ? "An always-on campaign has no end date; set alwaysOn to false for a dated one." : "A dated campaign needs startsAt and endsAt.");
        errors.Check(d.StartsAt is null || d.EndsAt is null || d.StartsAt < d.EndsAt, "endsAt", "endsAt must be after startsAt.");
        var currency = Currency.TryParse(d.Terms.Currency, out var parsed) ? parsed : (Currency?)null;
        errors.Check(d.Terms.Currency is null || currency is not null, "currency", "An ISO 4217 currency code such as \"USD\".");
        Amount(errors, d.Budget, currency, "budget");
        Amount(errors, d.Terms.DeliverableFee, currency, "deliverableFee");
        Items(errors, d.TargetNiches, 50, "targeting.niches");
        errors.Check(d.TargetTiers.All(Tiers.Contains), "targeting.tiers", $"Each one of: {string.Join(", ", Tiers)}.");
        errors.Check(d.TargetCountries.All(c => c.Length == 2 && c.All(char.IsAsciiLetterUpper)), "targeting.countries", "ISO 3166-1 alpha-2 codes such as \"US\".");
        Items(errors, d.KeyMessages, 500, "brief.keyMessages");
        Items(errors, d.MustAvoid, 500, "brief.mustAvoid");
        errors.Check(d.RequiredDisclosure is null || d.RequiredDisclosure.Trim().Length is >= 1 and <= 100, "brief.requiredDisclosure", "1 to 100 characters, such as \"#ad\".");
        errors.Check(d.ProductCategory is null || Exclusivity.ProductCategory.IsValid(d.ProductCategory), "productCategory", Exclusivity.ProductCategory.Rule);
        errors.Check(d.Terms.AttributionWindowDays is >= 1 and <= 365, "attributionWindowDays", "Between 1 and 365 days.");
        errors.Check(d.Terms.HoldingPeriodDays is >= 0 and <= 365, "holdingPeriodDays", "Between 0 and 365 days.");
        Destination(errors, d.Terms, allowHttpLocalhost);
        if (d.Terms.CommissionPlan is { } plan)
        {
            PlanRules.Validate(errors, plan, currency, "commissionPlan");
        }

        if (d.Terms.PromoDiscount is { } discount)
        {
            errors.Check(discount.Percent is null != discount.Amount is null, "promoDiscount", "Give exactly one of percent or amount.");
            PlanRules.Percent(errors, discount.Percent, "promoDiscount.percent");
            Amount(errors, discount.Amount, currency, "promoDiscount.amount");
        }

        errors.Check(d.Quotas.Select(q => q.Type).Distinct().Count() == d.Quotas.Count, "quotas", "One quota per deliverable type.");
        errors.Check(d.Quotas.All(q => q.PerMonth is >= 1 and <= 100), "quotas", "Between 1 and 100 deliverables per month.");
        return errors;
    }

    /// <summary>What launch needs beyond a valid draft; reported as the fields still missing.</summary>
    public static FieldErrors Completeness(CampaignDraft d, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        errors.Check(d.Objective is not null, "objective", "Required to launch.");
        errors.Check(d.Terms.Currency is not null, "currency", "Required to launch.");
        errors.Check(d.Terms.CommissionPlan is not null, "commissionPlan", "Required to launch.");
        errors.Check(d.Terms.DestinationUrl is not null, "destinationUrl", "Required to launch.");
        errors.Check(d.Terms.AllowedDomains.Count > 0, "allowedDomains", "Required to launch.");
        errors.Check(d.EndsAt is null || d.EndsAt > now, "endsAt", "A campaign that has already ended cannot launch.");
        return errors;
    }

    public static void Amount(FieldErrors errors, decimal? amount, Currency? currency, string field)
    {
        errors.Check(amount is null or >= 0, field, "An amount cannot be negative.");
        errors.CheckWithinMaxAmount(amount, field);
        errors.Check(amount is null || currency is null || new Money(amount.Value, currency.Value).IsRounded, field,
            $"More decimals than {currency?.Code} has ({currency?.MinorUnits}).");
    }

    private static void Destination(FieldErrors errors, Terms terms, bool allowHttpLocalhost)
    {
        var domains = terms.AllowedDomains;
        errors.Check(domains.Count <= MaxListItems && domains.All(h => Uri.CheckHostName(h) == UriHostNameType.Dns && h == h.ToLowerInvariant()),
            "allowedDomains", "Host names such as \"shop.example.com\", lower case, without scheme or path.");
        if (terms.DestinationUrl is null)
        {
            return;
        }

        var valid = Uri.TryCreate(terms.DestinationUrl, UriKind.Absolute, out var url) && terms.DestinationUrl.Length <= 2000
            && (url.Scheme == Uri.UriSchemeHttps || (allowHttpLocalhost && url.Scheme == Uri.UriSchemeHttp && url.IsLoopback));
        errors.Check(valid, "destinationUrl", allowHttpLocalhost ? "An https URL (http only for localhost in development)." : "An https URL.");
        errors.Check(!valid || IsInside(url!.Host, domains), "destinationUrl", "Its host must be one of allowedDomains or a subdomain of one.");
    }

    public static bool IsInside(string host, IEnumerable<string> domains) =>
        domains.Any(d => host.Equals(d, StringComparison.OrdinalIgnoreCase) || host.EndsWith("." + d, StringComparison.OrdinalIgnoreCase));

    private static void Items(FieldErrors errors, IReadOnlyList<string> items, int maxLength, string field) =>
        errors.Check(items.Count <= MaxListItems && items.All(i => i?.Trim().Length >= 1 && i.Length <= maxLength), field,
            $"Up to {MaxListItems} entries of 1 to {maxLength} characters.");
}

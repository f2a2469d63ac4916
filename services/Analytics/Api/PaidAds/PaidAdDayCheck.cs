using System.Text.RegularExpressions;
using AmbassadorNet.Analytics.Domain.PaidAds;
using AmbassadorNet.SharedKernel;

namespace AmbassadorNet.Analytics.Api.PaidAds;

/// <summary>
/// The rules one paid-ad day obeys on its own, for a JSON row and a CSV row alike (the fields are the
/// file's columns): every problem is named by its field. The campaign's currency and keys entered
/// twice are checked across rows (<see cref="PaidAdRecording"/>).
/// </summary>
internal static partial class PaidAdDayCheck
{
    /// <summary>Far above any channel's daily count, far below what bigint sums over years hold.</summary>
    public const long MaxCount = 1_000_000_000_000;

    public static readonly DateOnly FirstDay = new(2000, 1, 1);

    public const string ChannelRule = "A channel name in lower case: a letter, then up to 29 letters, digits or underscores, such as meta, google or tiktok_ads.";

    public static bool IsChannel(string? text) => text is not null && Channel().IsMatch(text);

    /// <param name="errors">This row's problems (a CSV row's may already name columns that could not be read).</param>
    /// <param name="unreadable">Columns of a CSV row already named as unreadable, so that they are not also called missing.</param>
    /// <returns>The day to store, or null when the row has a problem.</returns>
    public static PaidAdEntry? Check(PaidAdDayRequest request, DateOnly today, FieldErrors errors, IReadOnlySet<string>? unreadable = null)
    {
        bool Given(object? value, string field, string message)
        {
            errors.Check(value is not null || unreadable?.Contains(field) == true, field, message);
            return value is not null;
        }

        if (Given(request.CampaignId, "campaignId", "The id of the campaign (a UUID)."))
        {
            errors.Check(request.CampaignId != Guid.Empty, "campaignId", "The id of the campaign (a UUID), not the empty id.");
        }

        if (Given(request.Channel, "channel", ChannelRule))
        {
            errors.Check(IsChannel(request.Channel), "channel", ChannelRule);
        }

        if (Given(request.Day, "day", "The UTC day as yyyy-MM-dd."))
        {
            errors.Check(request.Day >= FirstDay && request.Day <= today, "day", $"A UTC day from {FirstDay:yyyy-MM-dd} to today ({today:yyyy-MM-dd}), not in the future.");
        }

        var currency = Currency.TryParse(request.Currency, out var parsed) ? parsed : (Currency?)null;
        if (Given(request.Currency, "currency", "The ISO 4217 code of the campaign's currency, such as USD."))
        {
            errors.Check(currency is not null, "currency", "An ISO 4217 currency code in upper case, such as USD.");
        }

        Amount(request.Spend, "spend", currency, errors, unreadable);
        Amount(request.Revenue, "revenue", currency, errors, unreadable);
        Count(request.Impressions, "impressions", errors);
        if (Given(request.Clicks, "clicks", "The clicks the channel counted, a whole number (0 or more)."))
        {
            Count(request.Clicks, "clicks", errors);
        }

        if (Given(request.Orders, "orders", "The orders the channel attributed, a whole number (0 or more); it may exceed clicks (view-through)."))
        {
            Count(request.Orders, "orders", errors);
        }

        return !errors.IsEmpty ? null : new PaidAdEntry(
            request.CampaignId!.Value, request.Channel!, request.Day!.Value, request.Currency!, request.Spend!.Value, request.Impressions,
            request.Clicks!.Value, request.Orders!.Value, request.Revenue!.Value);
    }

    /// <summary>An amount of 0 or more, in the currency's unit with at most its decimals (checked when the currency is valid).</summary>
    private static void Amount(decimal? amount, string field, Currency? currency, FieldErrors errors, IReadOnlySet<string>? unreadable)
    {
        errors.Check(amount is not null || unreadable?.Contains(field) == true, field, $"The {field} in the campaign's currency, 0 or more.");
        errors.Check(amount is null or >= 0m, field, "An amount cannot be negative.");
        errors.CheckWithinMaxAmount(amount, field);
        errors.Check(amount is null || currency is null || new Money(amount.Value, currency.Value).IsRounded, field,
            $"At most {currency?.MinorUnits} decimal places in {currency?.Code}.");
    }

    private static void Count(long? count, string field, FieldErrors errors) =>
        errors.Check(count is null or >= 0 and <= MaxCount, field, $"A whole number from 0 to {MaxCount:N0}.");

    [GeneratedRegex("^[a-z][a-z0-9_]{0,29}$", RegexOptions.CultureInvariant)]
    private static partial Regex Channel();
}

using System.Text.RegularExpressions;
using AmbassadorNet.SharedKernel;

namespace AmbassadorNet.Tracking.Domain;

/// <summary>What a partner may send as an order or refund: ids, amounts and times, checked field by field.</summary>
public static partial class OrderRules
{
    public const decimal MaxAmount = Money.MaxAmount;

    /// <summary>A shop's clock may run ahead a little; an order further in the future is a mistake.</summary>
    public static readonly TimeSpan FutureTolerance = TimeSpan.FromHours(1);

    /// <summary>Older orders are refused: no attribution window is that long, and a typo in the year is likelier.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(400);

    public static bool IsValidId(string? id) => id is not null && Id().IsMatch(id);

    public static void CheckId(FieldErrors errors, string field, string? id) =>
        errors.Check(id is null || IsValidId(id), field, "1 to 64 characters: letters, digits, '-', '_', '.', ':'; starting with a letter or digit.");

    /// <summary>An amount above zero, within bounds, with no more decimals than the currency's minor unit.</summary>
    public static Money? Amount(FieldErrors errors, decimal? amount, string? currencyCode)
    {
        Currency currency = default;
        var currencyValid = currencyCode is not null && Currency.TryParse(currencyCode, out currency);
        errors.Check(currencyCode is null || currencyValid, "currency", "An ISO 4217 code in upper case, e.g. USD.");
        if (amount is not { } value)
        {
            return null;
        }

        errors.Check(value > 0, "amount", "Must be greater than zero.");
        errors.CheckWithinMaxAmount(value, "amount");
        if (!currencyValid)
        {
            return null;
        }

        var money = new Money(value, currency);
        errors.Check(money.IsRounded, "amount", $"At most {currency.MinorUnits} decimal places in {currency.Code}.");
        return money.IsRounded && value > 0 && value <= MaxAmount ? money : null;
    }

    public static void CheckTime(FieldErrors errors, string field, DateTimeOffset? time, DateTimeOffset now)
    {
        errors.Check(time is null || time <= now + FutureTolerance, field, "Must not be more than an hour in the future.");
        errors.Check(time is null || time >= now - MaxAge, field, "Must not be more than 400 days in the past.");
    }

    /// <summary>The amount with exactly the currency's decimals (10.5 USD → 10.50), so the same order always answers the same body.</summary>
    public static decimal Normalized(decimal amount, string currencyCode) => Currency.Normalized(amount, currencyCode);

    /// <summary>PostgreSQL keeps microseconds: trimming before storing makes what we answer equal what we read back later.</summary>
    public static DateTimeOffset ToMicroseconds(DateTimeOffset time) => Instants.ToMicroseconds(time);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$")]
    private static partial Regex Id();
}

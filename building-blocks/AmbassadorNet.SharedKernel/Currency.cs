using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace AmbassadorNet.SharedKernel;

/// <summary>An ISO 4217 currency and the number of digits of its minor unit.</summary>
public readonly record struct Currency
{
    private Currency(string code, int minorUnits)
    {
        Code = code;
        MinorUnits = minorUnits;
    }

    public string Code { get; }

    /// <summary>Digits after the decimal point that the currency's smallest unit needs (JPY 0, USD 2, KWD 3).</summary>
    public int MinorUnits { get; }

    public static Currency Parse(string code) =>
        TryParse(code, out var currency)
            ? currency
            : throw new ArgumentException($"'{code}' is not an ISO 4217 currency code.", nameof(code));

    /// <summary>Accepts only upper-case active codes: "usd" is refused rather than guessed.</summary>
    public static bool TryParse([NotNullWhen(true)] string? code, out Currency currency)
    {
        if (code is not null && Iso4217.MinorUnits.TryGetValue(code, out var minorUnits))
        {
            currency = new Currency(code, minorUnits);
            return true;
        }

        currency = default;
        return false;
    }

    public static bool IsValid([NotNullWhen(true)] string? code) => TryParse(code, out _);

    /// <summary>
    /// The amount rounded to the currency's minor unit and written with exactly that many decimals
    /// (10.5 USD → 10.50; 4 for an unknown code), so a figure answered now and read back from a
    /// numeric(19,4) column later look the same.
    /// </summary>
    public static decimal Normalized(decimal amount, string currencyCode)
    {
        var digits = TryParse(currencyCode, out var currency) ? currency.MinorUnits : 4;
        var rounded = Math.Round(amount, digits, MidpointRounding.AwayFromZero);
        return decimal.Parse(rounded.ToString("F" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    public static Currency USD => Parse("USD");

    public static Currency EUR => Parse("EUR");

    public override string ToString() => Code ?? "(none)";
}

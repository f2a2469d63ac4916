using System.Diagnostics.CodeAnalysis;

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

    public static Currency USD => Parse("USD");

    public static Currency EUR => Parse("EUR");

    public override string ToString() => Code ?? "(none)";
}

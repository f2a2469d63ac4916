using System.Globalization;

namespace AmbassadorNet.SharedKernel;

/// <summary>
/// An amount in one currency. Arithmetic across currencies throws instead of producing a number
/// nobody can reconcile. Amounts keep full precision until <see cref="Round"/>, which rounds half
/// away from zero to the currency's minor unit, the rule every money figure we store follows.
/// </summary>
public readonly record struct Money : IComparable<Money>
{
    public Money(decimal amount, Currency currency)
    {
        if (currency.Code is null)
        {
            throw new ArgumentException("Money needs a currency.", nameof(currency));
        }

        Amount = amount;
        Currency = currency;
    }

    /// <summary>
    /// The largest amount any request may name, in the currency's unit: far above any real order, fee
    /// or budget (10 billion VND is about 400,000 USD), far below what numeric(19,4) columns and the
    /// sums of many such amounts hold, so no stored figure or total can overflow.
    /// </summary>
    public const decimal MaxAmount = 10_000_000_000m;

    public decimal Amount { get; }

    public Currency Currency { get; }

    public bool IsZero => Amount == 0m;

    public bool IsNegative => Amount < 0m;

    public static Money Of(decimal amount, string currencyCode) => new(amount, Currency.Parse(currencyCode));

    public static Money Zero(Currency currency) => new(0m, currency);

    /// <summary>Rounds half away from zero to the currency's minor unit: 0.125 USD → 0.13, -0.125 USD → -0.13.</summary>
    public Money Round() =>
        new(Math.Round(Amount, Currency.MinorUnits, MidpointRounding.AwayFromZero), Currency);

    public bool IsRounded => Amount == Math.Round(Amount, Currency.MinorUnits, MidpointRounding.AwayFromZero);

    public static Money operator +(Money left, Money right) =>
        new(left.Amount + right.Amount, SameCurrency(left, right));

    public static Money operator -(Money left, Money right) =>
        new(left.Amount - right.Amount, SameCurrency(left, right));

    public static Money operator -(Money value) => new(-value.Amount, value.Currency);

    public static Money operator *(Money value, decimal factor) => new(value.Amount * factor, value.Currency);

    public static Money operator *(decimal factor, Money value) => value * factor;

    public static bool operator <(Money left, Money right) => left.CompareTo(right) < 0;

    public static bool operator >(Money left, Money right) => left.CompareTo(right) > 0;

    public static bool operator <=(Money left, Money right) => left.CompareTo(right) <= 0;

    public static bool operator >=(Money left, Money right) => left.CompareTo(right) >= 0;

    public int CompareTo(Money other)
    {
        SameCurrency(this, other);
        return Amount.CompareTo(other.Amount);
    }

    /// <summary>Adds amounts of one currency; an empty sequence is zero in <paramref name="currency"/>.</summary>
    public static Money Sum(IEnumerable<Money> values, Currency currency) =>
        values.Aggregate(Zero(currency), (total, value) => total + value);

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Amount} {Currency.Code}");

    private static Currency SameCurrency(Money left, Money right) =>
        left.Currency == right.Currency
            ? left.Currency
            : throw new CurrencyMismatchException(left.Currency, right.Currency);
}

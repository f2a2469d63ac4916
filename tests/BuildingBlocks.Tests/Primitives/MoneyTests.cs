using AmbassadorNet.SharedKernel;

namespace BuildingBlocks.Tests.Primitives;

public sealed class MoneyTests
{
    [Theory]
    [InlineData("USD", "0.125", "0.13")]
    [InlineData("USD", "-0.125", "-0.13")]
    [InlineData("USD", "0.124999", "0.12")]
    [InlineData("EUR", "2.675", "2.68")]
    [InlineData("JPY", "1234.5", "1235")]
    [InlineData("JPY", "-0.5", "-1")]
    [InlineData("KWD", "1.2345", "1.235")]
    [InlineData("BHD", "0.0005", "0.001")]
    public void Round_rounds_half_away_from_zero_to_the_minor_unit(string currency, string amount, string expected)
    {
        var rounded = Money.Of(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), currency).Round();

        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), rounded.Amount);
        Assert.True(rounded.IsRounded);
    }

    [Fact]
    public void Adding_amounts_of_different_currencies_throws()
    {
        var dollars = Money.Of(10m, "USD");
        var euros = Money.Of(10m, "EUR");

        Assert.Throws<CurrencyMismatchException>(() => dollars + euros);
        Assert.Throws<CurrencyMismatchException>(() => dollars - euros);
        Assert.Throws<CurrencyMismatchException>(() => dollars < euros);
        Assert.Throws<CurrencyMismatchException>(() => Money.Sum([dollars, euros], Currency.USD));
    }

    [Fact]
    public void Arithmetic_in_one_currency_keeps_full_precision_until_rounded()
    {
        var commission = Money.Of(19.99m, "USD") * 0.125m;

        Assert.Equal(2.49875m, commission.Amount);
        Assert.Equal(2.50m, commission.Round().Amount);
        Assert.Equal(Money.Of(5.50m, "USD"),
            Money.Sum([Money.Of(2.25m, "USD"), Money.Of(3.25m, "USD")], Currency.USD));
        Assert.Equal(Money.Zero(Currency.EUR), Money.Sum([], Currency.EUR));
    }

    [Theory]
    [InlineData("usd")]
    [InlineData("XXX")]
    [InlineData("US")]
    [InlineData("")]
    [InlineData("ABC")]
    public void Unknown_or_lower_case_currency_codes_are_refused(string code)
    {
        Assert.False(Currency.IsValid(code));
        Assert.Throws<ArgumentException>(() => Currency.Parse(code));
    }

    [Fact]
    public void Default_money_has_no_currency_and_cannot_be_built()
    {
        Assert.Throws<ArgumentException>(() => new Money(1m, default));
    }

    [Fact]
    public void Minor_units_follow_iso_4217()
    {
        Assert.Equal(2, Currency.Parse("USD").MinorUnits);
        Assert.Equal(0, Currency.Parse("JPY").MinorUnits);
        Assert.Equal(0, Currency.Parse("KRW").MinorUnits);
        Assert.Equal(3, Currency.Parse("KWD").MinorUnits);
        Assert.Equal(4, Currency.Parse("CLF").MinorUnits);
    }
}

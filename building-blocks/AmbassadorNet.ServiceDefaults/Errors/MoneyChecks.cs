using System.Globalization;
using AmbassadorNet.SharedKernel;

namespace AmbassadorNet.ServiceDefaults.Errors;

/// <summary>The bound every money field of every request obeys, with one message wherever it is broken.</summary>
public static class MoneyChecks
{
    public static readonly string MaxAmountMessage = string.Create(CultureInfo.InvariantCulture, $"At most {Money.MaxAmount:N0} in the currency's unit.");

    /// <summary>An amount of either sign no larger than <see cref="Money.MaxAmount"/>; a missing amount is left to the caller's own check.</summary>
    public static FieldErrors CheckWithinMaxAmount(this FieldErrors errors, decimal? amount, string field) =>
        errors.Check(amount is null || Math.Abs(amount.Value) <= Money.MaxAmount, field, MaxAmountMessage);
}

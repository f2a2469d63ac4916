using System.Text.RegularExpressions;

namespace AmbassadorNet.Creators.Domain;

/// <summary>
/// A payee reference is the payment provider's id for the creator. Raw bank and card numbers must
/// never be stored here, so anything shaped like an IBAN or holding a card number (13 to 19 digits
/// that pass the Luhn check, with or without separators) is refused.
/// </summary>
public static partial class PayeeReferenceRules
{
    public static bool LooksLikeBankOrCardNumber(string reference)
    {
        var compact = Separators().Replace(reference, "").ToUpperInvariant();
        return IbanShape().IsMatch(compact) || DigitRuns().Matches(compact).Any(run => run.Length is >= 13 and <= 19 && PassesLuhn(run.Value));
    }

    private static bool PassesLuhn(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var digit = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1)
            {
                digit *= 2;
                digit = digit > 9 ? digit - 9 : digit;
            }

            sum += digit;
        }

        return sum % 10 == 0;
    }

    [GeneratedRegex(@"[\s\-\.]")]
    private static partial Regex Separators();

    [GeneratedRegex(@"[A-Z]{2}\d{2}[A-Z0-9]{10,30}")]
    private static partial Regex IbanShape();

    [GeneratedRegex(@"\d+")]
    private static partial Regex DigitRuns();
}

using System.Security.Cryptography;
using System.Text;

namespace AmbassadorNet.Tracking.Domain;

/// <summary>How link codes and promo codes are made.</summary>
public static class CodeGenerator
{
    public const int LinkCodeLength = 8;

    private const string Base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    /// <summary>
    /// A random base62 code from a cryptographic generator: 62^8 ≈ 2·10^14 codes, so guessing or
    /// walking them finds nothing. Uniqueness is the database's unique index; a collision retries.
    /// </summary>
    public static string NewLinkCode() => RandomNumberGenerator.GetString(Base62, LinkCodeLength);

    /// <summary>The readable stem of a promo code: the handle's letters and digits, upper case, at most 12; "AMB" when none.</summary>
    public static string PromoStem(string? handle)
    {
        var stem = new StringBuilder();
        foreach (var c in (handle ?? "").Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c) && stem.Length < 12)
            {
                stem.Append(char.ToUpperInvariant(c));
            }
        }

        return stem.Length == 0 ? "AMB" : stem.ToString();
    }

    /// <summary>The stem, else the stem with the smallest suffix (2, 3, ...) that no code of the brand uses, ignoring case.</summary>
    public static string FirstFreePromoCode(string stem, IReadOnlySet<string> takenNormalized)
    {
        if (!takenNormalized.Contains(Normalize(stem)))
        {
            return stem;
        }

        for (var suffix = 2; ; suffix++)
        {
            var candidate = stem + suffix.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!takenNormalized.Contains(Normalize(candidate)))
            {
                return candidate;
            }
        }
    }

    public static string Normalize(string code) => code.ToUpperInvariant();

    public static bool IsValidPromoCode(string code) => code.Length is >= 3 and <= 32 && code.All(char.IsAsciiLetterOrDigit);
}

using System.Collections.Frozen;

namespace AmbassadorNet.SharedKernel;

/// <summary>
/// Active ISO 4217 codes with their minor units. Precious metals, testing and fund codes without a
/// minor unit (XAU, XTS, XXX, ...) are left out on purpose: nobody is paid a commission in them.
/// </summary>
internal static class Iso4217
{
    private const string ZeroDigits = "BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF";
    private const string ThreeDigits = "BHD IQD JOD KWD LYD OMR TND";
    private const string FourDigits = "CLF UYW";
    private const string TwoDigits =
        "AED AFN ALL AMD AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BOV BRL BSD BTN BWP BYN BZD " +
        "CAD CDF CHE CHF CHW CNY COP COU CRC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL " +
        "GHS GIP GMD GTQ GYD HKD HNL HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT LAK LBP LKR " +
        "LRD LSL MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD " +
        "PAB PEN PGK PHP PKR PLN QAR RON RSD RUB SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC " +
        "SYP SZL THB TJS TMT TOP TRY TTD TWD TZS UAH USD USN UYU UZS VED VES WST XCD XCG YER ZAR ZMW ZWG";

    public static readonly FrozenDictionary<string, int> MinorUnits = Build();

    private static FrozenDictionary<string, int> Build()
    {
        var table = new Dictionary<string, int>(StringComparer.Ordinal);
        Add(table, ZeroDigits, 0);
        Add(table, TwoDigits, 2);
        Add(table, ThreeDigits, 3);
        Add(table, FourDigits, 4);
        return table.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static void Add(Dictionary<string, int> table, string codes, int minorUnits)
    {
        foreach (var code in codes.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            table.Add(code, minorUnits);
        }
    }
}

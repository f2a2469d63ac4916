using System.Text;

namespace Reliability.Tests;

/// <summary>
/// Request bodies a careless or hostile client sends. None of them is a valid command of any route
/// (each lacks or breaks a field every create needs, e.g. a campaign draft's currency), except that
/// the strings of <see cref="MayBeValidText"/> are legitimate text wherever a command takes only free
/// text (a hold's reason): there they must be stored as data, never executed.
/// </summary>
public static class HostileBodies
{
    public static IEnumerable<(string Name, Func<HttpContent> Content)> All()
    {
        yield return ("truncated JSON", () => Json("{\"name\":"));
        yield return ("not JSON", () => Json("hello there"));
        yield return ("a JSON array", () => Json("[]"));
        yield return ("JSON null", () => Json("null"));
        yield return ("a bare number", () => Json("12"));
        yield return ("NaN literal", () => Json("{\"amount\":NaN}"));
        yield return ("wrong types", () => Json("""
            {"name":123,"displayName":[],"amount":"lots","currency":42,"orderId":{},"creatorId":"not-a-guid",
             "percent":true,"budget":"x","orderedAt":"yesterday","roles":"admin","eventTypes":7,"url":false}
            """));
        yield return ("overflowing numbers", () => Json("""
            {"amount":1e400,"budget":1e400,"percent":1e400,"followers":99999999999999999999999999999,"minimum":-1e400}
            """));
        yield return ("negative and zero amounts", () => Json("""
            {"amount":-5,"budget":-1,"percent":-10,"followers":-3,"minimum":-0.01,"orderId":"","currency":"USD"}
            """));
        yield return ("unknown currency and precision", () => Json("""{"amount":10.123456789,"currency":"ZZZ","orderId":"x"}"""));
        yield return ("injection strings", () => Json("""
            {"name":"'; DROP TABLE creators;--","currency":"<b>US</b>","displayName":"<script>alert(1)</script>","orderId":"' OR 1=1 --",
             "url":"javascript:alert(1)","reason":"{{7*7}}${jndi:ldap://x}","code":"../../etc/passwd"}
            """));
        yield return ("unicode edge cases", () => Json("""
            {"name":"\u0000\ud800","displayName":"e\u0301\u202e\ufeff","orderId":"\udfff","code":"\u200b"}
            """));
        yield return ("a 4 MB body", () => Json("{\"name\":\"" + new string('a', 4 * 1024 * 1024) + "\"}"));
        yield return ("plain text content type", () => new StringContent("{\"name\":\"x\"}", Encoding.UTF8, "text/plain"));
    }

    public static readonly IReadOnlySet<string> MayBeValidText = new HashSet<string> { "injection strings", "unicode edge cases" };

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");
}

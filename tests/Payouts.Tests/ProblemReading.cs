namespace Payouts.Tests;

public static class ProblemReading
{
    /// <summary>The field names of a problem document's errors map.</summary>
    public static async Task<List<string>> ErrorFieldsAsync(this HttpResponseMessage response)
    {
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return problem.TryGetProperty("errors", out var errors) ? errors.EnumerateObject().Select(e => e.Name).Order().ToList() : [];
    }

    /// <summary>The rule a refused approval names (problem details' <c>rule</c>); null when it names none.</summary>
    public static async Task<string?> RuleAsync(this HttpResponseMessage response)
    {
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return problem.TryGetProperty("rule", out var rule) ? rule.GetString() : null;
    }
}

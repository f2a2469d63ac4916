using System.Text.Json;
using AmbassadorNet.Security;

namespace Creators.Tests;

/// <summary>Payout-profile proposals for tests: a believable body and the brand's view of a creator's proposals.</summary>
public static class Proposals
{
    /// <summary>A valid proposal without a tax-form status; its payee reference ends in 7810.</summary>
    public static readonly object Wise = new { method = "wise", currency = "EUR", payeeReference = "WISE-ana-77810" };

    /// <summary>The brand's finance's list of the creator's proposals, newest first.</summary>
    public static async Task<List<JsonElement>> OfAsync(CreatorsService service, Guid brand, Guid creator) =>
        [.. (await service.ReadAsync(HttpMethod.Get, $"/api/creators/{creator}/payout-profile/proposals", brand)).GetProperty("items").EnumerateArray()];

    /// <summary>Finance's confirm or reject of a proposal under the API key <paramref name="key"/>.</summary>
    public static Task<HttpResponseMessage> DecideAsync(CreatorsService service, Guid brand, Guid creator, Guid proposal, string decision, Guid key, object? body = null, string role = Roles.Finance) =>
        service.SendWithKeyAsync(HttpMethod.Post, $"/api/creators/{creator}/payout-profile/proposals/{proposal}/{decision}", brand, key, body, role);

    public static string? Str(this JsonElement element, string name) => element.GetProperty(name).GetString();
}

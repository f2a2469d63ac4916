using System.Security.Claims;
using AmbassadorNet.Payouts.Ledger;

namespace AmbassadorNet.Payouts.Api;

internal static class ReleaseEndpoint
{
    public sealed record ReleaseView(int Released, IReadOnlyList<AmountView> Amounts);

    public sealed record AmountView(string Currency, decimal Amount);

    /// <summary>The job's work, on demand for the caller's brand; running it twice releases nothing twice.</summary>
    public static async Task<Ok<ReleaseView>> ReleaseAsync(ClaimsPrincipal user, Releaser releaser, CancellationToken ct)
    {
        var summary = await releaser.ReleaseDueAsync(CausedBy.Key(user.RequiredKeyId()), ct);
        return TypedResults.Ok(new ReleaseView(summary.Count, summary.Amounts.OrderBy(a => a.Key).Select(a => new AmountView(a.Key, a.Value)).ToList()));
    }
}

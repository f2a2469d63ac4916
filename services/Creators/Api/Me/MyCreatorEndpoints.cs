using System.Security.Claims;
using AmbassadorNet.Security;

namespace AmbassadorNet.Creators.Api.Me;

/// <summary>
/// A creator's own record through their credential: the creator comes from the token. The payee
/// reference is shown masked, so a lost credential does not give away where the creator is paid.
/// </summary>
internal static class MyCreatorEndpoints
{
    public static async Task<Ok<CreatorView>> ProfileAsync(ClaimsPrincipal user, CreatorsDbContext db, CancellationToken ct)
    {
        var view = CreatorView.From(await db.LoadAsync(user.GetRequiredCreatorId(), ct));
        return TypedResults.Ok(view with { PayoutProfile = Masked(view.PayoutProfile) });
    }

    public static async Task<Ok<PayoutProfileView>> PayoutProfileAsync(ClaimsPrincipal user, CreatorsDbContext db, CancellationToken ct)
    {
        var creator = await db.LoadAsync(user.GetRequiredCreatorId(), ct);
        return creator.PayoutProfile is { } profile
            ? TypedResults.Ok(Masked(PayoutProfileView.From(profile))!)
            : throw new NotFoundException("You have no payout profile yet: propose one (POST /api/me/payout-profile/proposals) for the brand's finance to confirm.");
    }

    private static PayoutProfileView? Masked(PayoutProfileView? profile) =>
        profile is null ? null : profile with { PayeeReference = PayeeReferenceMask.Masked(profile.PayeeReference) };
}

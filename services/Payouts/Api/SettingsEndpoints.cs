using System.Security.Claims;
using AmbassadorNet.Security;

namespace AmbassadorNet.Payouts.Api;

/// <summary>Per brand and currency: the minimum payout (a brand without a setting for a currency pays any positive balance).</summary>
internal static class SettingsEndpoints
{
    public sealed record SettingRequest(string? Currency, decimal? MinimumPayout);

    public sealed record SettingView(string Currency, decimal MinimumPayout, DateTimeOffset UpdatedAt, Guid? UpdatedByKeyId);

    public sealed record SettingsView(IReadOnlyList<SettingView> Items);

    public static async Task<Ok<SettingsView>> ListAsync(PayoutsDbContext db, CancellationToken ct)
    {
        var settings = await db.Settings.AsNoTracking().OrderBy(s => s.Currency).ToListAsync(ct);
        return TypedResults.Ok(new SettingsView(settings.Select(View).ToList()));
    }

    public static async Task<Ok<SettingView>> PutAsync(SettingRequest request, ClaimsPrincipal user, PayoutsDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        errors.Check(Currency.IsValid(request.Currency), "currency", "An upper-case ISO 4217 code such as USD is required.");
        errors.Check(request.MinimumPayout is >= 0m, "minimumPayout", "A minimum payout of 0 or more is required.");
        errors.CheckWithinMaxAmount(request.MinimumPayout, "minimumPayout");
        if (errors.IsEmpty)
        {
            errors.Check(Money.Of(request.MinimumPayout!.Value, request.Currency!).IsRounded, "minimumPayout", "The amount has more decimals than the currency's minor unit.");
        }

        errors.ThrowIfAny();
        var setting = await db.Settings.SingleOrDefaultAsync(s => s.Currency == request.Currency, ct);
        if (setting is null)
        {
            setting = new PayoutSetting { Currency = request.Currency! };
            db.Settings.Add(setting);
        }

        setting.MinimumPayout = request.MinimumPayout!.Value;
        setting.UpdatedAt = clock.GetUtcNow();
        setting.UpdatedByKeyId = user.GetApiKeyId();
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(View(setting));
    }

    private static SettingView View(PayoutSetting s) => new(s.Currency, s.MinimumPayout, s.UpdatedAt, s.UpdatedByKeyId);
}

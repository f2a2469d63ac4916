using AmbassadorNet.Creators.Domain;
using AmbassadorNet.Creators.Persistence;
using AmbassadorNet.ServiceDefaults.Errors;
using AmbassadorNet.SharedKernel;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace AmbassadorNet.Creators.Api;

internal static class StatsEndpoints
{
    public static async Task<Ok<CreatorView>> RecordAsync(Guid id, SocialStatsRequest request, CreatorsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var errors = new FieldErrors();
        CreatorValidation.Stats(errors, request, now);
        errors.ThrowIfAny();

        var creator = await db.LoadAsync(id, cancellationToken);
        var recorded = creator.Record(CreatorValidation.ToReading(request, now), clock);
        db.Snapshots.Add(recorded.Snapshot);
        if (recorded.TierChange is { } change)
        {
            db.TierChanges.Add(change);
        }

        return await LifecycleEndpoints.SaveAsync(db, creator, CreatorEventFactory.StatsRecorded(creator, recorded), clock, cancellationToken);
    }

    public static async Task<Ok<List<TierChangeView>>> TierHistoryAsync(Guid id, CreatorsDbContext db, CancellationToken cancellationToken)
    {
        await db.LoadAsync(id, cancellationToken); // 404 for a creator of another brand, not an empty list
        return TypedResults.Ok(await db.TierChanges.Where(t => t.CreatorId == id).OrderBy(t => t.ChangedAt)
            .Select(t => new TierChangeView(t.FromTier, t.ToTier, t.Followers, t.ChangedAt)).ToListAsync(cancellationToken));
    }

    public static async Task<Ok<CreatorView>> SetPayoutProfileAsync(Guid id, PayoutProfileRequest request, CreatorsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        errors.Check(SnakeCaseEnums.TryParse<PayoutMethod>(request.Method, out var method), "method", $"One of: {SnakeCaseEnums.Allowed<PayoutMethod>()}.");
        errors.Check(Currency.IsValid(request.Currency), "currency", "An ISO 4217 currency code such as \"USD\".");
        errors.Check(request.PayeeReference?.Trim() is { Length: >= 3 and <= 100 }, "payeeReference", "The payment provider's reference for the payee, 3 to 100 characters.");
        errors.Check(request.PayeeReference is null || !PayeeReferenceRules.LooksLikeBankOrCardNumber(request.PayeeReference), "payeeReference",
            "This looks like a bank account (IBAN) or card number. Store the payment provider's payee id instead; raw numbers are never kept.");
        var taxForm = TaxFormStatus.Missing;
        errors.Check(request.TaxFormStatus is null || SnakeCaseEnums.TryParse(request.TaxFormStatus, out taxForm), "taxFormStatus", $"One of: {SnakeCaseEnums.Allowed<TaxFormStatus>()}.");
        errors.ThrowIfAny();

        var creator = await db.LoadAsync(id, cancellationToken);
        creator.SetPayoutProfile(method, request.Currency!, request.PayeeReference!.Trim(), taxForm, clock.GetUtcNow());
        return await LifecycleEndpoints.SaveAsync(db, creator, CreatorEventFactory.PayoutProfileUpdated(creator), clock, cancellationToken);
    }
}

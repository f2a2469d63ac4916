namespace AmbassadorNet.Creators.Api;

/// <summary>Where and how a creator is paid; never a raw bank or card number.</summary>
internal static class PayoutProfileEndpoint
{
    /// <summary>A payout profile as PUT payout-profile and a creator's proposal give it, checked.</summary>
    public sealed record Change(PayoutMethod Method, string Currency, string PayeeReference, TaxFormStatus? TaxFormStatus);

    public static async Task<Ok<CreatorView>> SetAsync(Guid id, PayoutProfileRequest request, CreatorsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var change = Read(request, errors);
        errors.ThrowIfAny();

        var creator = await db.LoadAsync(id, cancellationToken);
        return await ApplyAsync(db, creator, change with { TaxFormStatus = change.TaxFormStatus ?? TaxFormStatus.Missing }, clock, cancellationToken);
    }

    /// <summary>The request's fields, each problem reported under its name; <see cref="Change.TaxFormStatus"/> null when left out.</summary>
    public static Change Read(PayoutProfileRequest request, FieldErrors errors)
    {
        errors.Check(SnakeCaseEnums.TryParse<PayoutMethod>(request.Method, out var method), "method", $"One of: {SnakeCaseEnums.Allowed<PayoutMethod>()}.");
        errors.Check(Currency.IsValid(request.Currency), "currency", "An ISO 4217 currency code such as \"USD\".");
        errors.Check(request.PayeeReference?.Trim() is { Length: >= 3 and <= 100 }, "payeeReference", "The payment provider's reference for the payee, 3 to 100 characters.");
        errors.Check(request.PayeeReference is null || !PayeeReferenceRules.LooksLikeBankOrCardNumber(request.PayeeReference), "payeeReference",
            "This looks like a bank account (IBAN) or card number. Store the payment provider's payee id instead; raw numbers are never kept.");
        var taxForm = TaxFormStatus.Missing;
        errors.Check(request.TaxFormStatus is null || SnakeCaseEnums.TryParse(request.TaxFormStatus, out taxForm), "taxFormStatus", $"One of: {SnakeCaseEnums.Allowed<TaxFormStatus>()}.");
        return new Change(method, request.Currency ?? "", request.PayeeReference?.Trim() ?? "", request.TaxFormStatus is null ? null : taxForm);
    }

    /// <summary>
    /// Sets the profile and publishes CreatorPayoutProfileUpdated, which payouts pays by: the one way a
    /// profile changes, from PUT payout-profile or a confirmed proposal. A change without a tax-form
    /// status keeps the profile's.
    /// </summary>
    public static Task<Ok<CreatorView>> ApplyAsync(CreatorsDbContext db, Creator creator, Change change, TimeProvider clock, CancellationToken cancellationToken)
    {
        var taxForm = change.TaxFormStatus ?? creator.PayoutProfile?.TaxFormStatus ?? TaxFormStatus.Missing;
        creator.SetPayoutProfile(change.Method, change.Currency, change.PayeeReference, taxForm, clock.GetUtcNow());
        return LifecycleEndpoints.SaveAsync(db, creator, CreatorEventFactory.PayoutProfileUpdated(creator), clock, cancellationToken);
    }
}

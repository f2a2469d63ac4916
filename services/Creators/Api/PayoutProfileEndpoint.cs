namespace AmbassadorNet.Creators.Api;

/// <summary>Where and how a creator is paid; never a raw bank or card number.</summary>
internal static class PayoutProfileEndpoint
{
    public static async Task<Ok<CreatorView>> SetAsync(Guid id, PayoutProfileRequest request, CreatorsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
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

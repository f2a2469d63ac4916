using System.Security.Claims;
using AmbassadorNet.Creators.Api.Proposals;

namespace AmbassadorNet.Creators.Api;

/// <summary>Where and how a creator is paid; never a raw bank or card number.</summary>
internal static class PayoutProfileEndpoint
{
    /// <summary>A payout profile as PUT payout-profile and a creator's proposal give it, checked.</summary>
    public sealed record Change(PayoutMethod Method, string Currency, string PayeeReference, TaxFormStatus? TaxFormStatus);

    /// <summary>
    /// Sets the profile, or, when the brand's approval policy holds payee changes by staff (issue #32), or the
    /// member is the creator, and this one changes anything, holds it as a proposal for other members to confirm: 202 with the proposal.
    /// </summary>
    public static async Task<Results<Ok<CreatorView>, Accepted<ProposalView>>> SetAsync(
        Guid id, PayoutProfileRequest request, ClaimsPrincipal user, CreatorsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var change = Read(request, errors);
        errors.ThrowIfAny();

        var creator = await db.LoadAsync(id, cancellationToken);
        var full = change with { TaxFormStatus = change.TaxFormStatus ?? TaxFormStatus.Missing };
        if (await PayeeApprovals.RequiredForStaffAsync(db, id, user, cancellationToken) is > 0 and var required && !Unchanged(creator.PayoutProfile, full))
        {
            creator.EnsureNotErased("change the payout profile of");
            var proposal = await PayeeApprovals.ProposeAsync(db, creator, full, user, required, clock, cancellationToken);
            return TypedResults.Accepted($"/api/creators/{id}/payout-profile/proposals", ProposalView.ForStaff(proposal));
        }

        return await ApplyAsync(db, creator, full, clock, cancellationToken);
    }

    private static bool Unchanged(PayoutProfile? current, Change change) =>
        current is not null && (current.Method, current.Currency, current.PayeeReference, current.TaxFormStatus)
            == (change.Method, change.Currency, change.PayeeReference, change.TaxFormStatus);

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

using System.Security.Claims;
using AmbassadorNet.Contracts.Creators;
using AmbassadorNet.Persistence.Pagination;
using AmbassadorNet.Security;

namespace AmbassadorNet.Creators.Api.Proposals;

/// <summary>
/// Payout-profile changes a creator proposes and the brand's finance confirms or rejects. The creator's
/// routes take the creator from the token; the proposals are creator-owned, so a creator credential's
/// queries see no one else's.
/// </summary>
internal static class ProposalEndpoints
{
    private static readonly KeysetOrder<PayoutProfileProposal, DateTimeOffset> Newest = new("proposed", p => p.ProposedAt, p => p.Id, descending: true);

    public static async Task<Created<ProposalView>> ProposeAsync(PayoutProfileRequest request, ClaimsPrincipal user, CreatorsDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var change = PayoutProfileEndpoint.Read(request, errors);
        errors.Check(change.TaxFormStatus is null or TaxFormStatus.Submitted, "taxFormStatus",
            "A creator may only say a tax form was submitted (\"submitted\") or leave it out; the brand's finance verifies it.");
        errors.ThrowIfAny();

        var creator = await db.LoadAsync(user.GetRequiredCreatorId(), ct);
        creator.EnsureNotErased("propose a payout profile for");
        var now = Instants.ToMicroseconds(clock.GetUtcNow()); // as stored, so the answer and a later read agree
        // The pending one is superseded before the new one is written (the unique index allows one pending per creator).
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var pending = await db.Proposals.SingleOrDefaultAsync(p => p.CreatorId == creator.Id && p.Status == ProposalStatus.Pending, ct);
        if (pending is not null)
        {
            pending.Supersede(now);
            await db.SaveAsync(ct);
        }

        var proposal = new PayoutProfileProposal
        {
            Id = Ids.New(clock), BrandId = creator.BrandId, CreatorId = creator.Id, Status = ProposalStatus.Pending, Method = change.Method,
            Currency = change.Currency, PayeeReference = change.PayeeReference, TaxFormStatus = change.TaxFormStatus, ProposedAt = now,
            ProposedByKeyId = user.GetApiKeyId(), Version = 1,
        };
        db.Proposals.Add(proposal);
        db.AddEvent(new CreatorPayoutProfileChangeProposed(
            proposal.BrandId, now, proposal.Id, proposal.CreatorId, SnakeCaseEnums.Name(proposal.Method), proposal.Currency,
            PayeeReferenceMask.Last4(proposal.PayeeReference), proposal.TaxFormStatus is { } t ? SnakeCaseEnums.Name(t) : null, pending?.Id), clock);
        await db.SaveAsync(ct);
        await transaction.CommitAsync(ct);
        return TypedResults.Created("/api/me/payout-profile/proposals", ProposalView.ForCreator(proposal));
    }

    public static async Task<Ok<ProposalPage>> MineAsync(ClaimsPrincipal user, string? status, string? cursor, int? limit, CreatorsDbContext db, CancellationToken ct)
    {
        var page = await PageAsync(db, user.GetRequiredCreatorId(), status, cursor, limit, ct);
        return TypedResults.Ok(new ProposalPage([.. page.Items.Select(ProposalView.ForCreator)], page.NextCursor));
    }

    public static async Task<Ok<ProposalPage>> ListAsync(Guid id, string? status, string? cursor, int? limit, CreatorsDbContext db, CancellationToken ct)
    {
        var page = await PageAsync(db, id, status, cursor, limit, ct);
        if (page.Items.Count == 0 && cursor is null && !await db.Creators.AnyAsync(c => c.Id == id, ct))
        {
            throw new NotFoundException($"Creator {id} does not exist.");
        }

        return TypedResults.Ok(new ProposalPage([.. page.Items.Select(ProposalView.ForStaff)], page.NextCursor));
    }

    /// <summary>Sets the proposed profile as PUT payout-profile does (same checks, same event) and records who confirmed it and when.</summary>
    public static async Task<Ok<ProposalView>> ConfirmAsync(Guid id, Guid pid, ClaimsPrincipal user, CreatorsDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var (creator, proposal) = await LoadAsync(db, id, pid, ct);
        proposal.Confirm(Instants.ToMicroseconds(clock.GetUtcNow()), user.GetApiKeyId());
        var change = new PayoutProfileEndpoint.Change(proposal.Method, proposal.Currency, proposal.PayeeReference ?? "", proposal.TaxFormStatus);
        await PayoutProfileEndpoint.ApplyAsync(db, creator, change, clock, ct);
        return TypedResults.Ok(ProposalView.ForStaff(proposal));
    }

    public static async Task<Ok<ProposalView>> RejectAsync(
        Guid id, Guid pid, RejectProposalRequest? request, ClaimsPrincipal user, CreatorsDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var note = string.IsNullOrWhiteSpace(request?.Note) ? null : request.Note.Trim();
        new FieldErrors().Check(note is null || note.Length <= PayoutProfileProposal.MaxNote, "note", $"At most {PayoutProfileProposal.MaxNote} characters.").ThrowIfAny();
        var (_, proposal) = await LoadAsync(db, id, pid, ct);
        var now = Instants.ToMicroseconds(clock.GetUtcNow());
        proposal.Reject(now, user.GetApiKeyId(), note);
        db.AddEvent(new CreatorPayoutProfileChangeRejected(proposal.BrandId, now, proposal.Id, proposal.CreatorId, proposal.DecidedByKeyId, note), clock);
        await db.SaveAsync(ct);
        return TypedResults.Ok(ProposalView.ForStaff(proposal));
    }

    private static async Task<Page<PayoutProfileProposal>> PageAsync(
        CreatorsDbContext db, Guid creatorId, string? status, string? cursor, int? limit, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var wanted = ProposalStatus.Pending;
        errors.Check(status is null || SnakeCaseEnums.TryParse(status, out wanted), "status", $"One of: {SnakeCaseEnums.Allowed<ProposalStatus>()}.");
        errors.Check(limit is null or >= 1 and <= KeysetPagination.MaxLimit, "limit", $"Between 1 and {KeysetPagination.MaxLimit}.");
        errors.ThrowIfAny();
        var query = db.Proposals.AsNoTracking().Where(p => p.CreatorId == creatorId);
        query = status is null ? query : query.Where(p => p.Status == wanted);
        return await query.ToPageAsync(Newest, cursor, limit ?? 50, ct);
    }

    private static async Task<(Creator Creator, PayoutProfileProposal Proposal)> LoadAsync(CreatorsDbContext db, Guid id, Guid pid, CancellationToken ct)
    {
        var creator = await db.LoadAsync(id, ct);
        var proposal = await db.Proposals.SingleOrDefaultAsync(p => p.Id == pid && p.CreatorId == id, ct)
            ?? throw new NotFoundException($"Creator {id} has no payout-profile proposal {pid}.");
        return (creator, proposal);
    }
}

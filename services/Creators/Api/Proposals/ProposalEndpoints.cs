using System.Security.Claims;
using AmbassadorNet.Contracts.Creators;
using AmbassadorNet.Persistence.Pagination;
using AmbassadorNet.Security;
using AmbassadorNet.ServiceDefaults.Approvals;

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
        // A creator's own change always needs a member of the brand; more when the brand's policy asks.
        var required = Math.Max(1, await PayeeApprovals.RequiredForStaffAsync(db, ct));
        var proposal = await PayeeApprovals.ProposeAsync(db, creator, change, user, required, clock, ct);
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

    /// <summary>
    /// One member's confirmation. With the last one the proposal needs, sets the proposed profile as PUT
    /// payout-profile does (same checks, same event) and records who confirmed it and when; before that the
    /// proposal stays pending with the confirmation recorded.
    /// </summary>
    public static async Task<Ok<ProposalView>> ConfirmAsync(
        Guid id, Guid pid, ClaimsPrincipal user, CreatorsDbContext db, ApprovalDesk approvals, TimeProvider clock, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Locked before it is read: two confirmations at once take turns, and the second sees the first's.
        await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM payout_profile_proposals WHERE id = {pid} FOR UPDATE", ct);
        var (creator, proposal) = await LoadAsync(db, id, pid, ct);
        if (proposal.Status == ProposalStatus.Pending && !await PayeeApprovals.ApproveAsync(approvals, proposal, user, ct))
        {
            await db.SaveAsync(ct);
            await transaction.CommitAsync(ct);
            return TypedResults.Ok(ProposalView.ForStaff(proposal));
        }

        proposal.Confirm(Instants.ToMicroseconds(clock.GetUtcNow()), user.GetApiKeyId());
        var change = new PayoutProfileEndpoint.Change(proposal.Method, proposal.Currency, proposal.PayeeReference ?? "", proposal.TaxFormStatus);
        await PayoutProfileEndpoint.ApplyAsync(db, creator, change, clock, ct);
        await transaction.CommitAsync(ct);
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

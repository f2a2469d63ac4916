using AmbassadorNet.Audit.Chain;

namespace AmbassadorNet.Audit.Api;

/// <param name="EntryHash">Lower- or upper-case hex SHA-256, as AuditChainAnchored carries it.</param>
public sealed record AnchorRequest(long? Seq, string? EntryHash);

/// <param name="Anchors">Anchors kept outside the service (webhook deliveries of audit.chain_anchored, the partner stream).</param>
public sealed record VerifyRequest(IReadOnlyList<AnchorRequest?>? Anchors);

internal static class VerifyEndpoints
{
    public const int MaxAnchors = 10_000;

    public static async Task<Ok<Verification>> VerifyAsync(AuditDbContext db, ChainVerifier verifier, CancellationToken ct)
    {
        var stored = await db.Anchors.AsNoTracking().Select(a => new Anchor(a.Seq, a.EntryHash)).ToListAsync(ct);
        return TypedResults.Ok(await verifier.VerifyAsync(stored, ct));
    }

    public static async Task<Ok<Verification>> VerifyAgainstAsync(VerifyRequest? request, ChainVerifier verifier, CancellationToken ct) =>
        TypedResults.Ok(await verifier.VerifyAsync(Read(request), ct));

    private static List<Anchor> Read(VerifyRequest? request)
    {
        var errors = new FieldErrors();
        var given = request?.Anchors;
        errors.Check(given is { Count: > 0 }, "anchors", "At least one anchor ({seq, entryHash}) is required.");
        errors.Check(given is null || given.Count <= MaxAnchors, "anchors", $"At most {MaxAnchors} anchors.");
        var anchors = new List<Anchor>();
        for (var i = 0; given is not null && i < given.Count && i < MaxAnchors; i++)
        {
            var seqValid = given[i]?.Seq is >= 1;
            var hashValid = EntryHashing.TryParseHex(given[i]?.EntryHash?.ToLowerInvariant(), out var hash);
            errors.Check(seqValid, $"anchors[{i}].seq", "A seq of 1 or more is required.");
            errors.Check(hashValid, $"anchors[{i}].entryHash", "A SHA-256 in hex (64 characters) is required.");
            if (seqValid && hashValid)
            {
                anchors.Add(new Anchor(given[i]!.Seq!.Value, hash));
            }
        }

        errors.ThrowIfAny();
        return anchors;
    }
}

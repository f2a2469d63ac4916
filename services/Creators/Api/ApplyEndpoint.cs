namespace AmbassadorNet.Creators.Api;

internal static class ApplyEndpoint
{
    public static async Task<Created<CreatorView>> ApplyAsync(ApplyRequest request, CreatorsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        Validate(request, now).ThrowIfAny();
        var creator = NewCreator(db.CurrentBrandId, request, clock).AddTo(db);
        db.AddEvent(CreatorEventFactory.Applied(creator), clock);
        await db.SaveAsync(cancellationToken);
        return TypedResults.Created($"/api/creators/{creator.Id}", CreatorView.From(creator));
    }

    public static FieldErrors Validate(ApplyRequest request, DateTimeOffset now, FieldErrors? errors = null)
    {
        errors ??= new FieldErrors();
        CreatorValidation.DisplayName(errors, request.DisplayName, required: true);
        CreatorValidation.Email(errors, request.Email, required: true);
        CreatorValidation.Country(errors, request.Country, required: true);
        CreatorValidation.Niches(errors, request.Niches);
        var accounts = request.SocialAccounts ?? [];
        for (var i = 0; i < accounts.Count; i++)
        {
            CreatorValidation.Stats(errors, accounts[i], now, $"socialAccounts[{i}].");
        }

        errors.Check(accounts.Select(a => a?.Platform?.Trim().ToLowerInvariant()).Distinct().Count() == accounts.Count,
            "socialAccounts", "One account per platform.");
        return errors;
    }

    /// <summary>A new applicant at version 1: the accounts it brings set its reach and tier from the start.</summary>
    public static NewApplicant NewCreator(Guid brand, ApplyRequest request, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        var creator = new Creator
        {
            Id = Ids.New(clock), BrandId = brand, DisplayName = request.DisplayName!.Trim(), Email = request.Email!.Trim(),
            EmailNormalized = Creator.NormalizeEmail(request.Email), Country = CreatorValidation.CleanCountry(request.Country!),
            Niches = CreatorValidation.CleanNiches(request.Niches ?? []).ToList(), Status = CreatorStatus.Applied, Tier = Tier.Emerging,
            CreatedAt = now, UpdatedAt = now,
        };
        var recorded = (request.SocialAccounts ?? []).Select(stats => creator.Record(CreatorValidation.ToReading(stats, now), clock)).ToList();
        creator.Version = 1;
        return new NewApplicant(creator, recorded.Select(r => r.Snapshot).ToList(), recorded.Select(r => r.TierChange).OfType<TierChange>().ToList());
    }
}

/// <summary>A creator about to be added, with the snapshot history and tier moves its first accounts produced.</summary>
internal sealed record NewApplicant(Creator Creator, IReadOnlyList<StatSnapshot> Snapshots, IReadOnlyList<TierChange> TierChanges)
{
    public Creator AddTo(CreatorsDbContext db)
    {
        db.Creators.Add(Creator);
        db.Snapshots.AddRange(Snapshots);
        db.TierChanges.AddRange(TierChanges);
        return Creator;
    }
}

using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using AmbassadorNet.Tracking.Clicks;

namespace AmbassadorNet.Tracking.Resolution;

/// <summary>
/// Every active promo code, enrollment and campaign replica of every brand, in memory, so a posted
/// order is attributed without a query. <see cref="DirectoryListener"/> keeps it current, and with
/// it the generation of each brand it has applied (migration 0003): an answer comes with the
/// generation it is good for, and the order's insert checks that generation against the table's.
/// Entries are written before their generation and read after it, so an answer is never older than
/// the generation it carries. Entries are shared and never changed: a change replaces them.
/// </summary>
public sealed class AttributionDirectory : IDisposable
{
    private readonly ConcurrentDictionary<(Guid BrandId, string NormalizedCode), PromoCode> _promos = new();
    private readonly ConcurrentDictionary<Guid, EnrollmentReplica> _enrollments = new();
    private readonly ConcurrentDictionary<Guid, CampaignReplica> _campaigns = new();
    private readonly ConcurrentDictionary<Guid, long> _generations = new();
    private readonly Meter _meter = new(RedirectStats.MeterName);
    private readonly Counter<long> _lookups;
    private long _fromMemory;
    private long _fromTables;
    private long _stale;

    public AttributionDirectory() =>
        _lookups = _meter.CreateCounter<long>("tracking.attribution.lookups", description: "promo codes looked up for orders, by where the answer came from");

    /// <summary>Answers taken from memory and inserted.</summary>
    public long FromMemory => Interlocked.Read(ref _fromMemory);

    /// <summary>Codes not held here (unknown, inactive, or issued a moment ago), read from the tables.</summary>
    public long FromTables => Interlocked.Read(ref _fromTables);

    /// <summary>Answers from memory the insert refused because the brand had changed since; attributed again from the tables.</summary>
    public long Stale => Interlocked.Read(ref _stale);

    /// <summary>The code with its enrollment and campaign as memory has them, or null when any of the three is not here.</summary>
    public (PromoCandidate Candidate, long Generation)? FindPromo(Guid brandId, string normalizedCode)
    {
        var generation = _generations.GetValueOrDefault(brandId);
        if (_promos.TryGetValue((brandId, normalizedCode), out var code)
            && _enrollments.TryGetValue(code.EnrollmentId, out var enrollment) && enrollment.BrandId == brandId
            && _campaigns.TryGetValue(code.CampaignId, out var campaign) && campaign.BrandId == brandId)
        {
            return (new PromoCandidate(code, enrollment, campaign), generation);
        }

        return null;
    }

    public void Counted(AttributionSource source)
    {
        switch (source)
        {
            case AttributionSource.Memory:
                Interlocked.Increment(ref _fromMemory);
                break;
            case AttributionSource.Tables:
                Interlocked.Increment(ref _fromTables);
                break;
            default:
                Interlocked.Increment(ref _stale);
                break;
        }

        _lookups.Add(1, new KeyValuePair<string, object?>("source", source.ToString().ToLowerInvariant()));
    }

    public void Put(PromoCode code)
    {
        if (code.Active)
        {
            _promos[(code.BrandId, code.NormalizedCode)] = code;
        }
        else
        {
            _promos.TryRemove((code.BrandId, code.NormalizedCode), out _);
        }
    }

    public void Put(EnrollmentReplica enrollment) => _enrollments[enrollment.EnrollmentId] = enrollment;

    public void Put(CampaignReplica campaign) => _campaigns[campaign.CampaignId] = campaign;

    /// <summary>Called after the change named by a notification was put here; generations only grow.</summary>
    public void Applied(Guid brandId, long generation) => _generations.AddOrUpdate(brandId, generation, (_, known) => Math.Max(known, generation));

    /// <summary>
    /// Everything as loaded after <paramref name="generations"/> were read; the entries are replaced
    /// first, so no reader sees a loaded generation with entries older than it.
    /// </summary>
    public void Replace(
        IReadOnlyList<(Guid BrandId, long Generation)> generations, IEnumerable<PromoCode> activePromos, IEnumerable<EnrollmentReplica> enrollments,
        IEnumerable<CampaignReplica> campaigns)
    {
        foreach (var campaign in campaigns)
        {
            Put(campaign);
        }

        foreach (var enrollment in enrollments)
        {
            Put(enrollment);
        }

        var fresh = activePromos.ToDictionary(p => (p.BrandId, p.NormalizedCode));
        foreach (var stale in _promos.Keys.Where(key => !fresh.ContainsKey(key)))
        {
            _promos.TryRemove(stale, out _);
        }

        foreach (var (key, promo) in fresh)
        {
            _promos[key] = promo;
        }

        foreach (var (brandId, generation) in generations)
        {
            Applied(brandId, generation);
        }
    }

    public void Dispose() => _meter.Dispose();
}

/// <summary>Where an order's promo code was found.</summary>
public enum AttributionSource
{
    Memory,
    Tables,
    Stale,
}

using System.Collections.Concurrent;

namespace AmbassadorNet.Tracking.Resolution;

/// <summary>
/// Every active link and every campaign route of every brand, in memory, so a redirect answers
/// without the database. <see cref="DirectoryListener"/> loads it at start and keeps it current from
/// the database's notifications; a code not (yet) here is read from the database once before a 404.
/// </summary>
public sealed class CodeDirectory(DirectoryReader reader)
{
    private readonly ConcurrentDictionary<string, ResolvedLink> _links = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Guid, CampaignRoute> _campaigns = new();

    public int LinkCount => _links.Count;

    /// <summary>The link and its campaign's route, or null for an unknown or deactivated code.</summary>
    public async ValueTask<(ResolvedLink Link, CampaignRoute Campaign)?> ResolveAsync(string code, CancellationToken ct)
    {
        if (_links.TryGetValue(code, out var link) && _campaigns.TryGetValue(link.CampaignId, out var campaign))
        {
            return (link, campaign);
        }

        // A miss: the code may have been issued a moment ago and its notification not arrived yet.
        if (await reader.LinkAsync(code, ct) is not { Active: true } found)
        {
            return null;
        }

        Put(found.Link, true);
        if (await reader.CampaignAsync(found.Link.CampaignId, ct) is not { } replica)
        {
            return null;
        }

        var route = CampaignRoute.Of(replica);
        Put(route);
        return (found.Link, route);
    }

    public void Put(ResolvedLink link, bool active)
    {
        if (active)
        {
            _links[link.Code] = link;
        }
        else
        {
            _links.TryRemove(link.Code, out _);
        }
    }

    public void Put(CampaignRoute campaign) => _campaigns[campaign.CampaignId] = campaign;

    public void Replace(IEnumerable<ResolvedLink> links, IEnumerable<CampaignRoute> campaigns)
    {
        foreach (var campaign in campaigns)
        {
            Put(campaign);
        }

        var fresh = links.ToDictionary(l => l.Code, StringComparer.Ordinal);
        foreach (var stale in _links.Keys.Where(code => !fresh.ContainsKey(code)))
        {
            _links.TryRemove(stale, out _);
        }

        foreach (var link in fresh.Values)
        {
            _links[link.Code] = link;
        }
    }
}

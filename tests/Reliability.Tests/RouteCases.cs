using AmbassadorNet.Gateway.Routing;
using AmbassadorNet.Security;

namespace Reliability.Tests;

/// <summary>A concrete request generated from one row of the gateway's route table.</summary>
public sealed record RouteCase(GatewayRoute Route, string Method, string Path)
{
    public bool HasResourceIds => Route.Template.Text.Split('/').Any(s => s.StartsWith('{') && !RouteCases.Choices.ContainsKey(s));

    public bool HasBody => Method is "POST" or "PUT" or "PATCH";

    public override string ToString() => $"{Method} {Path} ({Route.Template.Text})";
}

/// <summary>
/// Every brand-facing route of the table (not public, not the operator's) of the running services,
/// with each parameter filled with a brand's sample resource. A route whose parameter has no sample
/// fails loudly, so a new endpoint is covered without anyone remembering to.
/// </summary>
public static class RouteCases
{
    /// <summary>Route parameters that name a choice, not a brand's resource: filled with a fixed value, never judged as one of brand A's.</summary>
    public static readonly IReadOnlyDictionary<string, string> Choices = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["{dimension}"] = "format", // /api/analytics/content/by/{dimension}
    };

    public static IReadOnlyList<RouteCase> For(IReadOnlySet<string> runningServices, IReadOnlyDictionary<string, string> samples) =>
        Cases(runningServices, samples, r => !r.Access.IsPublic && r.Access.Policy != AccessPolicies.Operations && r.Access.Policy != AccessPolicies.CreatorSelf);

    /// <summary>Every route a creator credential may reach (<see cref="AccessPolicies.CreatorSelf"/>), filled like <see cref="For"/>.</summary>
    public static IReadOnlyList<RouteCase> ForCreators(IReadOnlySet<string> runningServices, IReadOnlyDictionary<string, string> samples) =>
        Cases(runningServices, samples, r => r.Access.Policy == AccessPolicies.CreatorSelf);

    private static IReadOnlyList<RouteCase> Cases(IReadOnlySet<string> runningServices, IReadOnlyDictionary<string, string> samples, Func<GatewayRoute, bool> wanted) =>
        [.. AmbassadorNetRoutes.All
            .Where(wanted)
            .Where(r => r.Service == GatewayServices.GatewayItself || runningServices.Contains(r.Service))
            .SelectMany(r => r.Methods.Select(m => new RouteCase(r, m, Fill(r.Template.Text, samples))))];

    /// <summary>
    /// <c>/api/campaigns/{id}/enrollments/{eid}</c> → the sample of "campaigns", then of "enrollments". A collection
    /// named alike in two places is told apart by the segment before it ("commission-override/proposals").
    /// </summary>
    public static string Fill(string template, IReadOnlyDictionary<string, string> samples)
    {
        var segments = template.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            if (Choices.TryGetValue(segments[i], out var choice))
            {
                segments[i] = choice;
            }
            else if (segments[i].StartsWith('{'))
            {
                var collection = i >= 2 && samples.ContainsKey($"{segments[i - 2]}/{segments[i - 1]}") ? $"{segments[i - 2]}/{segments[i - 1]}" : segments[i - 1];
                segments[i] = samples.TryGetValue(collection, out var id)
                    ? Uri.EscapeDataString(id)
                    : throw new InvalidOperationException($"No sample resource for '{collection}' in {template}: add one to {nameof(BrandWorld)}.");
            }
        }

        return string.Join('/', segments);
    }
}

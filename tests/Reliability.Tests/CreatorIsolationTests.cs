using System.Net;
using System.Net.Http.Json;
using AmbassadorNet.Gateway.Routing;

namespace Reliability.Tests;

/// <summary>
/// A creator credential reaches its own creator's records and nothing else: another creator of the
/// same brand, holding every id of the samples' creator, can neither read nor change any of them on
/// any route a creator may call, and is refused on every route of the brand's staff. The cases come
/// from the route table, so a new creator route is covered as soon as its row exists.
/// </summary>
[Collection(TwoBrandsCollection.Name)]
public sealed class CreatorIsolationTests(TwoBrandsFixture fixture)
{
    [Fact]
    public async Task Another_creator_can_neither_read_nor_change_the_creators_records_on_any_creator_route()
    {
        var world = fixture.BrandA;
        var cases = RouteCases.ForCreators(fixture.RunningServices, world.Samples);
        var before = await SnapshotAsync(world);
        var failures = new List<string>();

        foreach (var call in cases)
        {
            var (status, body) = await world.OtherCreator.SendRawAsync(new HttpMethod(call.Method), call.Path, call.HasBody ? JsonContent.Create(new { }) : null);
            if (Judge(call, status, body, world) is { } failure)
            {
                failures.Add($"{call}: {failure} ({(int)status}) {Cut(body)}");
            }
        }

        var after = await SnapshotAsync(world);
        Assert.True(cases.Count >= 10, $"only {cases.Count} creator route cases were generated");
        Assert.True(failures.Count == 0, $"{failures.Count} of {cases.Count} cases leaked or failed:\n" + string.Join("\n", failures));
        var changes = BrandSnapshot.Differences(before, after);
        Assert.True(changes.Count == 0, "the creator's records changed:\n" + string.Join("\n", changes));
    }

    [Fact]
    public async Task A_creator_credential_is_refused_on_every_route_of_the_brands_staff()
    {
        // gRPC methods are refused in gRPC's terms (PERMISSION_DENIED) on the gRPC port: Gateway.Tests' role table checks those.
        var cases = RouteCases.For(fixture.RunningServices, fixture.BrandA.Samples).Where(c => !GatewayServices.IsGrpcPath(c.Path)).ToList();
        var failures = new List<string>();

        foreach (var call in cases)
        {
            var (status, body) = await fixture.BrandA.Creator.SendRawAsync(new HttpMethod(call.Method), call.Path, call.HasBody ? JsonContent.Create(new { }) : null);
            if (status != HttpStatusCode.Forbidden || !BrandSnapshot.IsProblem(status, body))
            {
                failures.Add($"{call}: {(int)status} {Cut(body)}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {cases.Count} staff routes did not refuse a creator credential:\n" + string.Join("\n", failures));
    }

    [Fact]
    public async Task The_samples_creator_reads_their_own_records_on_every_creator_read()
    {
        var world = fixture.BrandA;
        var reads = RouteCases.ForCreators(fixture.RunningServices, world.Samples).Where(c => c.Method == "GET").ToList();
        var failures = new List<string>();

        foreach (var call in reads)
        {
            var (status, body) = await world.Creator.SendRawAsync(HttpMethod.Get, call.Path);
            if (status != HttpStatusCode.OK)
            {
                failures.Add($"{call}: {(int)status} {Cut(body)}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {reads.Count} reads of the creator's own records failed:\n" + string.Join("\n", failures));
    }

    /// <summary>What the samples' creator can read, and what the brand can read: neither may change.</summary>
    private async Task<IReadOnlyDictionary<string, string>> SnapshotAsync(BrandWorld world)
    {
        var own = await BrandSnapshot.TakeAsync(world.Creator, RouteCases.ForCreators(fixture.RunningServices, world.Samples));
        var brand = await BrandSnapshot.TakeAsync(world.Admin, RouteCases.For(fixture.RunningServices, world.Samples));
        return own.Concat(brand.Select(b => KeyValuePair.Create("brand " + b.Key, b.Value))).ToDictionary();
    }

    /// <summary>Null when the answer keeps the samples' creator's records private; else why not.</summary>
    private static string? Judge(RouteCase call, HttpStatusCode status, string body, BrandWorld world)
    {
        if ((int)status >= 500)
        {
            return "server error";
        }

        if (status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            return "a creator credential should pass authorization on a creator route and find nothing of another creator's";
        }

        var leaked = world.Samples.Values.FirstOrDefault(id =>
            body.Contains(id, StringComparison.OrdinalIgnoreCase) && !call.Path.Contains(Uri.EscapeDataString(id), StringComparison.OrdinalIgnoreCase));
        if (leaked is not null)
        {
            return $"the answer names the other creator's {leaked}";
        }

        return call.HasResourceIds && (int)status < 400 ? "succeeded on another creator's record" : null;
    }

    private static string Cut(string text) => text.Length > 300 ? text[..300] + "…" : text;
}

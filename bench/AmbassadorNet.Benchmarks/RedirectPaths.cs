using System.Diagnostics;
using System.Text;

namespace AmbassadorNet.Benchmarks;

/// <summary>
/// The <c>/r/{code}</c> paths the redirect group (B0, T1, T3) sends its requests to, each request to one
/// drawn uniformly at random: the one link every system is seeded with, or (<c>--links N</c>) N live
/// links of one brand. Real traffic spreads a click batch over many links, and tracking announces each
/// batch as counts per link and day, so one link would flatter that event.
/// </summary>
public sealed class RedirectPaths
{
    private readonly string[] _paths;

    private RedirectPaths(IEnumerable<string> codes) => _paths = [.. codes.Select(code => $"/r/{Uri.EscapeDataString(code)}")];

    public int Count => _paths.Length;

    /// <summary>The system's own link for one; otherwise a brand of <paramref name="links"/> creators enrolled in one campaign, a link each.</summary>
    public static async Task<RedirectPaths> ForAsync(BenchSystem system, int links)
    {
        if (links == 1)
        {
            return new RedirectPaths([system.LinkCode]);
        }

        var started = Stopwatch.GetTimestamp();
        var brand = await BenchBrand.SeedAsync(system, "Links brand", links);
        var paths = new RedirectPaths(await brand.LinkCodesAsync(system));
        Console.Error.WriteLine($"[bench] {paths.Count} links seeded for the redirect group in {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s");
        return paths;
    }

    /// <summary>wrk against <paramref name="server"/>: the plain run of one URL for one path, else a script drawing each request's path.</summary>
    public async Task<WrkResult> WrkAsync(Uri server, int connections, TimeSpan duration)
    {
        if (_paths.Length == 1)
        {
            return await Wrk.RunAsync(new Uri(server, _paths[0]), connections, duration);
        }

        var script = Path.Combine(Path.GetTempPath(), $"ambbench-paths-{Guid.NewGuid():N}.lua");
        await File.WriteAllTextAsync(script, WrkScript());
        try
        {
            return await Wrk.RunAsync(server, connections, duration, script);
        }
        finally
        {
            File.Delete(script);
        }
    }

    /// <summary>Open-loop requests to <paramref name="server"/>: request i GETs a path drawn from i alone, so every run draws the same sequence.</summary>
    public Func<int, HttpRequestMessage> Requests(Uri server)
    {
        var urls = _paths.Select(path => new Uri(server, path)).ToArray();
        return i => new HttpRequestMessage(HttpMethod.Get, urls[Draw(i, urls.Length)]);
    }

    /// <summary>
    /// The requests are formatted once per thread in <c>init</c> (formatting one per request costs wrk
    /// throughput), and each thread draws from a generator seeded with its own number: every run draws
    /// the same sequences, so T1 and T3 get the same load.
    /// </summary>
    private string WrkScript()
    {
        var script = new StringBuilder("local paths = {\n");
        foreach (var path in _paths)
        {
            script.Append("  \"").Append(path).Append("\",\n"); // escaped by Uri.EscapeDataString: no quote or backslash
        }

        return script.Append("""
            }
            local requests = {}
            local threads = 0

            function setup(thread)
              threads = threads + 1
              thread:set("seed", threads)
            end

            function init(args)
              math.randomseed(seed)
              for i, path in ipairs(paths) do
                requests[i] = wrk.format("GET", path)
              end
            end

            function request()
              return requests[math.random(#requests)]
            end

            """).ToString();
    }

    /// <summary>An index below <paramref name="count"/> drawn from <paramref name="i"/> (SplitMix64's i-th output): uniform, and safe from any thread.</summary>
    private static int Draw(int i, int count)
    {
        var z = ((ulong)i + 1) * 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return (int)((z ^ (z >> 31)) % (ulong)count);
    }
}

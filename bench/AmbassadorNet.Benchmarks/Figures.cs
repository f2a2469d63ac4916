namespace AmbassadorNet.Benchmarks;

public static class Figures
{
    /// <summary>
    /// A figure whose value is the median of its rounds' values. A round that could not measure
    /// (NaN: e.g. analytics never caught up) is kept as −1 in the runs (JSON has no NaN) and the goal
    /// counts as missed.
    /// </summary>
    public static Figure Median(string id, string what, IEnumerable<double> runs, string unit, string goal, Func<double, bool>? meets)
    {
        var values = runs.ToList();
        var measured = values.Where(double.IsFinite).ToList();
        var median = measured.Count == 0 ? -1 : Stats.Median(measured);
        var met = meets is null ? (bool?)null : measured.Count == values.Count && meets(median);
        return new Figure(id, what, median, unit, goal, met, [.. values.Select(v => double.IsFinite(v) ? v : -1)]);
    }
}

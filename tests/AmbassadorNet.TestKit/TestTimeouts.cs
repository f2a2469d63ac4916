namespace AmbassadorNet.TestKit;

/// <summary>
/// Deadlines for eventually-consistent assertions. A slow or loaded machine sets
/// AMB_TEST_TIMEOUT_SCALE (e.g. 3) rather than a correct system failing a test.
/// </summary>
public static class TestTimeouts
{
    public static double Scale { get; } =
        double.TryParse(Environment.GetEnvironmentVariable("AMB_TEST_TIMEOUT_SCALE"), System.Globalization.CultureInfo.InvariantCulture, out var scale) && scale > 0
            ? scale
            : 1.0;

    public static TimeSpan Default => Scaled(TimeSpan.FromSeconds(30));

    public static TimeSpan Scaled(TimeSpan timeout) => timeout * Scale;
}

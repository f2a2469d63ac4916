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

    /// <summary>
    /// How long a count must hold still, with every probe idle, before it is trusted: longer than
    /// RabbitMQ's statistics interval (500 ms, scripts/servers.sh) plus a consumer's round trip.
    /// Override with AMB_TEST_SETTLE_MS.
    /// </summary>
    public static TimeSpan SettleWindow { get; } = TimeSpan.FromMilliseconds(
        int.TryParse(Environment.GetEnvironmentVariable("AMB_TEST_SETTLE_MS"), out var ms) && ms > 0 ? ms : 1500);
}

using AmbassadorNet.Orchestration.Logging;

namespace AppHost.Tests;

public sealed class ConsoleLogSinkTests
{
    private const string JsonLine =
        """{"Timestamp":"2026-11-22T10:00:00.000Z ","EventId":14,"LogLevel":"Information","Category":"Microsoft.Hosting.Lifetime","Message":"Now listening on: http://127.0.0.1:5000","State":{}}""";

    [Fact]
    public void Lines_are_prefixed_with_their_source_padded_to_one_width()
    {
        var output = new StringWriter();
        var sink = new ConsoleLogSink(output, useColor: false, readable: false, prefixWidth: 8);

        sink.Write("gateway", "one", LogStream.Output);
        sink.Write("creators", "two", LogStream.Error);

        Assert.Equal(["gateway  | one", "creators | two"], output.ToString().TrimEnd().Split(Environment.NewLine));
    }

    [Fact]
    public void Readable_mode_turns_a_json_log_line_into_level_category_and_message()
    {
        var output = new StringWriter();
        new ConsoleLogSink(output, useColor: false, readable: true, prefixWidth: 8).Write("creators", JsonLine, LogStream.Output);

        Assert.Equal("creators | info Microsoft.Hosting.Lifetime: Now listening on: http://127.0.0.1:5000", output.ToString().TrimEnd());
    }

    [Fact]
    public void A_line_that_is_not_a_json_log_entry_is_left_as_it_is()
    {
        Assert.Equal("Unhandled exception. {oops", ReadableLogLine.Render("Unhandled exception. {oops"));
        Assert.Equal("{\"not\":\"a log entry\"}", ReadableLogLine.Render("{\"not\":\"a log entry\"}"));
    }

    [Fact]
    public void Colour_is_used_only_when_asked_for()
    {
        var plain = new StringWriter();
        var colored = new StringWriter();
        new ConsoleLogSink(plain, useColor: false, readable: false).Write("creators", "line", LogStream.Output);
        new ConsoleLogSink(colored, useColor: true, readable: false).Write("creators", "line", LogStream.Output);

        Assert.DoesNotContain('\e', plain.ToString());
        Assert.StartsWith("\e[", colored.ToString(), StringComparison.Ordinal);
        Assert.Contains("line", colored.ToString(), StringComparison.Ordinal);
    }
}

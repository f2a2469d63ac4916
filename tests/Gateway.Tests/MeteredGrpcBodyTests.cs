using AmbassadorNet.Gateway.RateLimiting;

namespace Gateway.Tests;

/// <summary>The per-message meter of gRPC client streams (rate limits count messages, not calls), on gRPC's framing.</summary>
public sealed class MeteredGrpcBodyTests
{
    /// <summary>Three messages (7, 0 and 300 bytes), each with its 5-byte prefix.</summary>
    private static byte[] ThreeMessages() =>
    [
        .. Frame(7), .. Frame(0), .. Frame(300),
    ];

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(64)]
    [InlineData(4096)]
    public async Task Every_message_after_the_first_waits_for_a_token_before_any_of_its_bytes_is_read(int readSize)
    {
        var source = ThreeMessages();
        var tokens = 0;
        var bytesBeforeToken = new List<int>();
        var delivered = 0;
        var body = new MeteredGrpcBody(new MemoryStream(source), _ =>
        {
            tokens++;
            bytesBeforeToken.Add(delivered);
            return ValueTask.CompletedTask;
        });

        var buffer = new byte[readSize];
        var copy = new MemoryStream();
        int read;
        while ((read = await body.ReadAsync(buffer)) > 0)
        {
            delivered += read;
            copy.Write(buffer, 0, read);
        }

        Assert.Equal(source, copy.ToArray());
        Assert.Equal(2, tokens);
        // Each token was taken when exactly the bytes of the messages before it had been passed on.
        Assert.Equal([5 + 7, 5 + 7 + 5], bytesBeforeToken);
    }

    [Fact]
    public async Task A_body_that_ends_between_messages_takes_no_token_for_a_message_that_never_comes()
    {
        var tokens = 0;
        var body = new MeteredGrpcBody(new MemoryStream(Frame(3).ToArray()), _ =>
        {
            tokens++;
            return ValueTask.CompletedTask;
        });

        await body.CopyToAsync(Stream.Null);

        Assert.Equal(0, tokens);
    }

    private static IEnumerable<byte> Frame(int length) =>
        new byte[] { 0, (byte)(length >> 24), (byte)(length >> 16), (byte)(length >> 8), (byte)length }.Concat(Enumerable.Repeat((byte)0x2a, length));
}

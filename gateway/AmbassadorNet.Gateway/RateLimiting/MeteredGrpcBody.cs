using System.Buffers.Binary;

namespace AmbassadorNet.Gateway.RateLimiting;

/// <summary>
/// A gRPC request body read message by message: each message is a 5-byte prefix (a compression flag
/// and a big-endian length) and that many bytes. Before the first byte of every message after the
/// first reaches the proxy, <c>beforeMessage</c> must complete. Reads never cross a message's end,
/// so the wait always falls between two messages.
/// </summary>
public sealed class MeteredGrpcBody(Stream inner, Func<CancellationToken, ValueTask> beforeMessage) : Stream
{
    private const int PrefixLength = 5;
    private readonly byte[] _prefix = new byte[PrefixLength];
    private int _prefixRead;
    private long _messageLeft;
    private bool _first = true;

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (buffer.Length == 0)
        {
            return 0;
        }

        if (_prefixRead < PrefixLength)
        {
            var atStart = _prefixRead == 0;
            var read = await inner.ReadAsync(buffer[..Math.Min(buffer.Length, PrefixLength - _prefixRead)], cancellationToken);
            if (read == 0)
            {
                return 0;
            }

            if (atStart && !_first)
            {
                await beforeMessage(cancellationToken);
            }

            _first = false;
            buffer.Span[..read].CopyTo(_prefix.AsSpan(_prefixRead));
            _prefixRead += read;
            if (_prefixRead == PrefixLength)
            {
                _messageLeft = BinaryPrimitives.ReadUInt32BigEndian(_prefix.AsSpan(1));
                if (_messageLeft == 0)
                {
                    _prefixRead = 0;
                }
            }

            return read;
        }

        var body = await inner.ReadAsync(buffer[..(int)Math.Min(buffer.Length, _messageLeft)], cancellationToken);
        _messageLeft -= body;
        if (_messageLeft == 0)
        {
            _prefixRead = 0;
        }

        return body;
    }

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

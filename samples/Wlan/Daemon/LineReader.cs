namespace Net80211.Wlan.Daemon;

/// <summary>
/// Reads '\n'-terminated lines of at most <c>maxLineBytes</c> bytes (a trailing '\r' is dropped) from a
/// stream. The buffer starts small and grows as lines need; a returned line is valid until the next call.
/// </summary>
internal sealed class LineReader(Stream stream, int maxLineBytes = ControlProtocol.MaxLineBytes)
{
    private byte[] _buffer = new byte[Math.Min(4096, maxLineBytes + 2)];
    private int _start;
    private int _end;

    public async ValueTask<LineResult> ReadLineAsync(CancellationToken cancellation)
    {
        int scanned = 0;
        while (true)
        {
            int nl = Array.IndexOf(_buffer, (byte)'\n', _start + scanned, _end - _start - scanned);
            if (nl >= 0)
            {
                int length = nl - _start;
                if (length > 0 && _buffer[nl - 1] == '\r') length--;
                var line = new ReadOnlyMemory<byte>(_buffer, _start, length);
                _start = nl + 1;
                return length > maxLineBytes ? new LineResult(LineStatus.TooLong, default) : new LineResult(LineStatus.Line, line);
            }
            scanned = _end - _start;
            if (_start > 0)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, scanned);
                _start = 0;
                _end = scanned;
            }
            if (_end == _buffer.Length)
            {
                int limit = maxLineBytes + 2; // the line, '\r', '\n'
                if (_buffer.Length >= limit) return new LineResult(LineStatus.TooLong, default);
                Array.Resize(ref _buffer, (int)Math.Min(limit, 2L * _buffer.Length));
            }
            int n = await stream.ReadAsync(_buffer.AsMemory(_end), cancellation).ConfigureAwait(false);
            if (n == 0)
                return new LineResult(_end > _start ? LineStatus.Truncated : LineStatus.End, default);
            _end += n;
        }
    }
}

internal enum LineStatus { Line, End, Truncated, TooLong }

internal readonly record struct LineResult(LineStatus Status, ReadOnlyMemory<byte> Line);

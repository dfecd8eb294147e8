using Net80211.Capture;
using Net80211.Channels;
using Net80211.Radiotap;
using Net80211.Scheduling;

namespace Net80211.RadioDrivers.Air;

/// <summary>
/// Records every transmission on a <see cref="Medium"/> (ACKs included), or only those on one
/// frequency, as a radiotap pcap (link type 127) that Wireshark opens: the air as a perfect monitor
/// standing everywhere at once would see it.
/// </summary>
/// <remarks>
/// <para>Each record carries radiotap TSFT (the transmission's start in virtual µs), Flags (short
/// preamble), Rate, Channel (frequency, and flags derived from it: 2.4 GHz = 11g, 5 GHz and up = 11a),
/// dBm TX power (the sender's) and, for frames other than ACKs, data retries (attempt - 1).</para>
/// <para>No antenna signal: received power belongs to a receiver and this view has none, so the
/// sender's power goes in the TX power field instead. No FCS either (the medium carries frames
/// without one). The record time stamp is <see cref="VirtualTimeProvider.Epoch"/> plus the start time.</para>
/// <para>Writes on the scheduler's thread inside <see cref="Medium.FrameOnAir"/>; nothing is
/// allocated per frame beyond what the stream does. <see cref="Dispose"/> unsubscribes and flushes.</para>
/// </remarks>
public sealed class AirCapture : IDisposable
{
    private static readonly long EpochMicroseconds = (VirtualTimeProvider.Epoch - DateTimeOffset.UnixEpoch).Ticks / TimeSpan.TicksPerMicrosecond;

    private readonly Medium _medium;
    private readonly PcapWriter _writer;
    private readonly AirFrameHandler _handler;
    private bool _disposed;

    /// <param name="medium">The air to record.</param>
    /// <param name="stream">Where the pcap goes; closed on dispose unless <paramref name="leaveOpen"/>.</param>
    /// <param name="frequencyMhz">Record only this frequency; 0 = all.</param>
    public AirCapture(Medium medium, Stream stream, int frequencyMhz = 0, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(medium);
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentOutOfRangeException.ThrowIfNegative(frequencyMhz);
        _medium = medium;
        FrequencyMhz = frequencyMhz;
        _writer = new PcapWriter(stream, LinkType.Ieee80211Radiotap, leaveOpen: leaveOpen);
        _handler = OnFrameOnAir;
        _medium.FrameOnAir += _handler;
    }

    /// <summary>Records <paramref name="medium"/> into a new file at <paramref name="path"/>.</summary>
    public static AirCapture Create(Medium medium, string path, int frequencyMhz = 0)
        => new(medium, new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, bufferSize: 64 * 1024), frequencyMhz);

    /// <summary>The only frequency recorded; 0 = all.</summary>
    public int FrequencyMhz { get; }

    public long FramesWritten => _writer.RecordsWritten;

    public void Flush() => _writer.Flush();

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _medium.FrameOnAir -= _handler;
        _writer.Dispose();
    }

    private void OnFrameOnAir(in AirFrameEvent e)
    {
        if (FrequencyMhz != 0 && e.FrequencyMhz != FrequencyMhz) return;
        RadiotapFields present = RadiotapFields.Tsft | RadiotapFields.Flags | RadiotapFields.Rate | RadiotapFields.Channel
            | RadiotapFields.DbmTxPower;
        if (!e.IsAck) present |= RadiotapFields.DataRetries;
        var radiotap = new RadiotapHeader
        {
            Present = present,
            Tsft = (ulong)(e.StartTicks / TimeSpan.TicksPerMicrosecond),
            Flags = e.ShortPreamble ? RadiotapFlags.ShortPreamble : RadiotapFlags.None,
            Rate = e.Rate,
            ChannelFrequencyMhz = (ushort)e.FrequencyMhz,
            ChannelFlags = ChannelFlagsFor(e.FrequencyMhz),
            TxPowerDbm = (sbyte)Math.Clamp(Math.Round(e.Sender.TxPowerDbm), sbyte.MinValue, sbyte.MaxValue),
            DataRetries = (byte)Math.Clamp(e.Attempt - 1, 0, byte.MaxValue),
        };
        _writer.WriteRadiotap(EpochMicroseconds + e.StartTicks / TimeSpan.TicksPerMicrosecond, radiotap, e.Frame);
    }

    private static ChannelFlags ChannelFlagsFor(int frequencyMhz) => frequencyMhz switch
    {
        >= 2400 and < 2500 => ChannelFlags.G,
        >= 4900 => ChannelFlags.A,
        _ => ChannelFlags.None,
    };
}

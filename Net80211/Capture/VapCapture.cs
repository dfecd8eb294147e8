using Net80211.Packets;
using Net80211.Radiotap;
using Net80211.Vaps;

namespace Net80211.Capture;

/// <summary>
/// Writes what a monitor VAP receives — every frame on its channel, and copies of what its radio sent — to a
/// radiotap pcap (link type 127), as tcpdump on a FreeBSD monitor interface would. It becomes the VAP's
/// interface receiver; disposing it detaches and closes the file.
/// </summary>
public sealed class VapCapture : IDisposable
{
    private readonly Ieee80211Vap _vap;
    private readonly PcapWriter _writer;

    public VapCapture(Ieee80211Vap vap, Stream stream, bool leaveOpen = false)
    {
        _vap = vap ?? throw new ArgumentNullException(nameof(vap));
        _writer = new PcapWriter(stream, LinkType.Ieee80211Radiotap, leaveOpen: leaveOpen);
        vap.Interface.Receiver = Write;
    }

    public static VapCapture Create(Ieee80211Vap vap, string path) => new(vap, File.Create(path));

    public long FramesWritten => _writer.RecordsWritten;

    private void Write(Packet frame)
    {
        bool transmitted = (frame.Meta.Flags & PacketFlags.Transmitted) != 0;
        // Signal and noise are what this radio measured; a frame it sent itself has none.
        var radiotap = RadiotapHeader.FromRxInfo(frame.Meta.Rx,
            transmitted ? null : frame.Meta.RssiDbm, transmitted ? null : frame.Meta.NoiseDbm);
        var time = _vap.Ic.Time;
        long microseconds = (long)(time.GetTimestamp() * (1_000_000.0 / time.TimestampFrequency));
        _writer.WriteRadiotap(microseconds, radiotap, frame.Data);
        frame.Free();
    }

    public void Flush() => _writer.Flush();

    public void Dispose()
    {
        if (_vap.Interface.Receiver == Write) _vap.Interface.Receiver = null;
        _writer.Dispose();
    }
}

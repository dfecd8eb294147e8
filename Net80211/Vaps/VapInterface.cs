using Net80211.DataPath;
using Net80211.Packets;

namespace Net80211.Vaps;

/// <summary>
/// The network-interface face of a VAP (its ifnet): 802.3 frames in and out, MTU, up/down and the
/// interface counters <c>netstat -I wlan0</c> would show.
/// </summary>
public sealed class VapInterface
{
    /// <summary>Default and limits of the MTU (ETHERMTU, IEEE80211_MTU_MIN/MAX).</summary>
    public const int DefaultMtu = 1500;
    public const int MinMtu = 32;
    public const int MaxMtu = 2290;

    private readonly Ieee80211Vap _vap;
    private int _mtu = DefaultMtu;
    private long _inPackets, _outPackets, _inBytes, _outBytes, _inErrors, _outErrors, _inDrops, _outDrops;

    internal VapInterface(Ieee80211Vap vap) => _vap = vap;

    public string Name => _vap.Name;
    /// <summary>Administratively up (IFF_UP).</summary>
    public bool IsUp { get; internal set; }

    public int Mtu
    {
        get => _mtu;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, MinMtu);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, MaxMtu);
            _mtu = value;
        }
    }

    public long InPackets => Interlocked.Read(ref _inPackets);
    public long OutPackets => Interlocked.Read(ref _outPackets);
    public long InBytes => Interlocked.Read(ref _inBytes);
    public long OutBytes => Interlocked.Read(ref _outBytes);
    public long InErrors => Interlocked.Read(ref _inErrors);
    public long OutErrors => Interlocked.Read(ref _outErrors);
    public long InDrops => Interlocked.Read(ref _inDrops);
    public long OutDrops => Interlocked.Read(ref _outDrops);

    /// <summary>Where received 802.3 frames go (the upper layer: a bridge, a tap, a test). It takes ownership.
    /// Without a receiver, frames are counted and dropped.</summary>
    public Action<Packet>? Receiver { get; set; }

    /// <summary>if_transmit: an 802.3 frame (destination, source, ethertype, payload) to send on this VAP.
    /// The VAP takes ownership. Returns false when it was dropped (interface down, too big, no mode).</summary>
    public bool Output(Packet ethernetFrame)
    {
        ArgumentNullException.ThrowIfNull(ethernetFrame);
        if (!IsUp || !_vap.IsRunning)
        {
            Interlocked.Increment(ref _outDrops);
            Interlocked.Increment(ref _vap.Stats.TxNotRunning);
            ethernetFrame.Free();
            return false;
        }
        if (ethernetFrame.Length < EthernetHeader.Length || ethernetFrame.Length - EthernetHeader.Length > _mtu)
        {
            Interlocked.Increment(ref _outErrors);
            Interlocked.Increment(ref _vap.Stats.TxTooBig);
            ethernetFrame.Free();
            return false;
        }
        if (_vap.OpModeHandler is not { } mode)
        {
            Interlocked.Increment(ref _outDrops);
            ethernetFrame.Free();
            return false;
        }
        mode.Output(ethernetFrame);
        return true;
    }

    /// <summary>if_input: the stack delivers a decapsulated 802.3 frame up.</summary>
    public void Deliver(Packet ethernetFrame)
    {
        Interlocked.Increment(ref _inPackets);
        Interlocked.Add(ref _inBytes, ethernetFrame.Length);
        if (Receiver is { } receiver) receiver(ethernetFrame);
        else
        {
            Interlocked.Increment(ref _inDrops);
            ethernetFrame.Free();
        }
    }

    /// <summary>Counts a frame that left the interface (called by the output path on success).</summary>
    public void CountOutput(int bytes)
    {
        Interlocked.Increment(ref _outPackets);
        Interlocked.Add(ref _outBytes, bytes);
    }

    public void CountOutputError() => Interlocked.Increment(ref _outErrors);
    public void CountInputError() => Interlocked.Increment(ref _inErrors);
}

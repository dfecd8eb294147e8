using BenchmarkDotNet.Attributes;
using Net80211.Channels;
using Net80211.DataPath;
using Net80211.Frames;
using Net80211.Modules;
using Net80211.Nodes;
using Net80211.Packets;
using Net80211.Radio;
using Net80211.Scheduling;
using Net80211.Vaps;

namespace Net80211.Benchmarks;

/// <summary>
/// Encapsulating a 1500-byte IP packet into a QoS Data MPDU and decapsulating it back: the in-place data path
/// (headers written into the packet's headroom) against a baseline that builds each frame in a fresh buffer,
/// as a straightforward copying implementation would. [MemoryDiagnoser] shows the in-place path allocating 0 B.
/// </summary>
[MemoryDiagnoser]
public class DataPathBenchmarks
{
    private static readonly MacAddress Bssid = MacAddress.Parse("02:00:00:00:00:01");
    private static readonly MacAddress Station = MacAddress.Parse("02:aa:bb:cc:dd:01");
    private static readonly MacAddress Host = MacAddress.Parse("00:11:22:33:44:55");

    private readonly PacketPool _pool = new();
    private Packet _packet = null!;
    private byte[] _ethernet = null!;
    private EncapParams _params;
    private Ieee80211Node _node = null!;

    [GlobalSetup]
    public void Setup()
    {
        var scheduler = new SimulationScheduler();
        var ic = new Ieee80211Com("bench0", new NullDriver(), scheduler.CreateWorkQueue("bench0"), new ModuleRegistry(), _pool);
        _node = ic.Nodes.Add(new Ieee80211Vap(), Station);
        _node.Bssid = Bssid;
        _params = new EncapParams(_node, EncapDirection.FromAp) { Bssid = Bssid, Qos = true };

        _ethernet = new byte[EthernetHeader.Length + 1500];
        EthernetHeader.Write(_ethernet, Station, Host, EthernetHeader.EtherTypeIPv4);
        _ethernet[14] = 0x45;
        _ethernet[15] = 0xB8;
        _packet = _pool.Rent(_ethernet);
    }

    [GlobalCleanup]
    public void Cleanup() => _packet.Free();

    /// <summary>Copying baseline: new 802.11 frame buffer on encap, new Ethernet buffer on decap.</summary>
    [Benchmark(Baseline = true)]
    public int CopyingEncapDecap()
    {
        ReadOnlySpan<byte> eth = _ethernet;
        int tid = WmeClassifier.UpToTid(WmeClassifier.Classify(eth));
        var header = new FrameHeader
        {
            FrameControl = FrameControl.Data(DataSubtype.QosData, FrameControlFlags.FromDs),
            Address1 = EthernetHeader.Destination(eth),
            Address2 = Bssid,
            Address3 = EthernetHeader.Source(eth),
            SequenceControl = new SequenceControl(_node.NextSequence(tid), 0),
            QosControl = QosControl.Create(tid),
        };
        ReadOnlySpan<byte> payload = eth[EthernetHeader.Length..];
        var mpdu = new byte[header.Length + Llc.SnapHeaderLength + payload.Length];
        header.TryWrite(mpdu, out int n);
        Llc.TryWriteSnap(mpdu.AsSpan(n), EthernetHeader.TypeOrLength(eth), out int s);
        payload.CopyTo(mpdu.AsSpan(n + s));

        FrameHeader.TryRead(mpdu, out var rx, out _);
        Llc.TryReadSnap(mpdu.AsSpan(rx.Length), out ushort etherType, out var body);
        var back = new byte[EthernetHeader.Length + body.Length];
        EthernetHeader.Write(back, rx.DestinationAddress, rx.SourceAddress, etherType);
        body.CopyTo(back.AsSpan(EthernetHeader.Length));
        return back.Length;
    }

    /// <summary>The data path as built: in place on a pooled packet.</summary>
    [Benchmark]
    public int InPlaceEncapDecap()
    {
        Encapsulation.TryEncapsulate(_packet, _params, out _);
        Decapsulation.TryDecapsulate(_packet, out _, out _);
        return _packet.Length;
    }

    private sealed class NullDriver : IIeee80211Driver
    {
        public string DriverName => "null";
        public void Transmit(Ieee80211Com ic, Packet frame) => frame.Free();
        public void RawXmit(Ieee80211Node node, Packet frame, RawTxParams? parameters) => frame.Free();
        public void Parent(Ieee80211Com ic) { }
        public Ieee80211Vap? VapCreate(Ieee80211Com ic, in VapCreateParams parameters) => null;
        public void GetRadioCaps(Ieee80211Com ic, int maxChannels, out int channelCount, Span<Ieee80211Channel> channels) => channelCount = 0;
        public void SetChannel(Ieee80211Com ic) { }
    }
}

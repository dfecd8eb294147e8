using Net80211.DataPath;
using Net80211.Nodes;
using Net80211.Packets;
using Net80211.Radio;
using Net80211.Testing;
using Net80211.Vaps;

namespace Net80211.Tests.DataPath;

/// <summary>A radio with one host AP VAP and one peer node, plus builders for Ethernet frames.</summary>
internal sealed class DataPathWorld
{
    public static readonly MacAddress Bssid = MacAddress.Parse("02:00:00:00:00:01");
    public static readonly MacAddress Peer = MacAddress.Parse("02:aa:bb:cc:dd:01");
    public static readonly MacAddress Host = MacAddress.Parse("00:11:22:33:44:55");
    public static readonly MacAddress Remote = MacAddress.Parse("00:66:77:88:99:aa");

    public DataPathWorld()
    {
        Radio = new TestRadio();
        Vap = Radio.Ic.CreateVap(OpMode.HostAp).Vap!;
        Node = Radio.Ic.Nodes.Add(Vap, Peer);
        Node.Bssid = Bssid;
    }

    public TestRadio Radio { get; }
    public PacketPool Pool => Radio.Pool;
    public Ieee80211Vap Vap { get; }
    public Ieee80211Node Node { get; }

    public EncapParams Params(EncapDirection direction, bool qos = false, int? tid = null) => new(Node, direction)
    {
        Bssid = Bssid,
        TransmitterAddress = Bssid,
        ReceiverAddress = Peer,
        Qos = qos,
        Tid = tid,
    };

    /// <summary>DA, SA, type/length and a payload of <paramref name="payloadLength"/> patterned bytes.</summary>
    public static byte[] Ethernet(MacAddress da, MacAddress sa, ushort typeOrLength, int payloadLength, byte seed = 1)
    {
        var bytes = new byte[EthernetHeader.Length + payloadLength];
        EthernetHeader.Write(bytes, da, sa, typeOrLength);
        for (int i = 0; i < payloadLength; i++) bytes[EthernetHeader.Length + i] = (byte)(seed + i * 7);
        return bytes;
    }

    /// <summary>An IPv4 packet with the given DS field behind an Ethernet II header.</summary>
    public static byte[] Ipv4(MacAddress da, MacAddress sa, byte dsField, int payloadLength = 64)
    {
        var bytes = Ethernet(da, sa, EthernetHeader.EtherTypeIPv4, payloadLength);
        bytes[EthernetHeader.Length] = 0x45;
        bytes[EthernetHeader.Length + 1] = dsField;
        return bytes;
    }

    /// <summary>An IEEE 802.3 length frame carrying an LLC PDU (STP's DSAP/SSAP 0x42), optionally padded.</summary>
    public static byte[] Llc8023(MacAddress da, MacAddress sa, int llcLength, int padding = 0)
    {
        var bytes = Ethernet(da, sa, (ushort)llcLength, llcLength + padding);
        bytes[EthernetHeader.Length] = 0x42;
        bytes[EthernetHeader.Length + 1] = 0x42;
        bytes[EthernetHeader.Length + 2] = 0x03;
        bytes.AsSpan(EthernetHeader.Length + llcLength).Clear();
        return bytes;
    }

    public void AssertNoLeaks() => Assert.Equal(0, Pool.Outstanding);
}

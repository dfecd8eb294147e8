using Net80211.Frames;

namespace Net80211.Tests.Frames;

/// <summary>Hand-assembly helpers so test vectors are written as the bytes on the air,
/// independently of the writers under test.</summary>
internal static class FrameBytes
{
    public static readonly MacAddress Ap = MacAddress.Parse("00:11:22:33:44:55");
    public static readonly MacAddress Sta = MacAddress.Parse("02:aa:bb:cc:dd:ee");
    public static readonly MacAddress Other = MacAddress.Parse("02:10:20:30:40:50");
    public static readonly MacAddress Peer = MacAddress.Parse("02:01:02:03:04:05");

    public static byte[] Hex(string hex)
    {
        string clean = string.Concat(hex.Where(Uri.IsHexDigit));
        return Convert.FromHexString(clean);
    }

    public static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();

    public static byte[] Ie(int id, params byte[] body)
    {
        var e = new byte[2 + body.Length];
        e[0] = (byte)id;
        e[1] = (byte)body.Length;
        body.CopyTo(e, 2);
        return e;
    }

    public static byte[] Ie(int id, int length) => Ie(id, Enumerable.Range(1, length).Select(i => (byte)i).ToArray());

    /// <summary>A 24-octet management header, built by hand: FC, duration 0, DA=broadcast, SA=BSSID=AP, seq 0.</summary>
    public static byte[] MgmtHeader(ManagementSubtype subtype, byte flags = 0)
        => Concat([(byte)((int)subtype << 4), flags, 0, 0], Broadcast(), Mac(Ap), Mac(Ap), [0, 0]);

    public static byte[] Mgmt(ManagementSubtype subtype, params byte[][] body) => Concat([MgmtHeader(subtype), .. body]);

    public static byte[] Mac(MacAddress a)
    {
        var b = new byte[6];
        a.WriteTo(b);
        return b;
    }

    public static byte[] Broadcast() => [0xff, 0xff, 0xff, 0xff, 0xff, 0xff];

    /// <summary>Beacon fixed fields: timestamp 1, interval 100, ESS|Privacy.</summary>
    public static byte[] BeaconFixed() => [1, 0, 0, 0, 0, 0, 0, 0, 100, 0, 0x11, 0x00];

    public static byte[] Ssid(string s) => Ie(0, System.Text.Encoding.ASCII.GetBytes(s));

    public static byte[] RatesIe() => Ie(1, 0x82, 0x84, 0x8b, 0x96, 0x0c, 0x12, 0x18, 0x24);

    public static byte[] Ds(byte channel) => Ie(3, channel);

    public static byte[] Tim() => Ie(5, 0, 3, 0, 0);

    /// <summary>Frame control octets for a control frame of the given subtype.</summary>
    public static byte[] ControlFc(ControlSubtype subtype, byte flags = 0) => [(byte)(0x04 | ((int)subtype << 4)), flags];

    /// <summary>Frame control octets for a data frame.</summary>
    public static byte[] DataFc(DataSubtype subtype, byte flags = 0) => [(byte)(0x08 | ((int)subtype << 4)), flags];

    public static byte[] Zeros(int n) => new byte[n];

    /// <summary>Writes with a Try-writer into a roomy buffer and returns exactly the bytes written.</summary>
    public delegate bool SpanWriter(Span<byte> destination, out int bytesWritten);

    public static byte[] Buf() => new byte[2048];

    /// <summary>For ref-struct writers, which cannot become delegates: <c>Take(buf, x.TryWrite(buf, out int n), n)</c>.</summary>
    public static byte[] Take(byte[] buffer, bool written, int count)
    {
        Assert.True(written, "writer reported no room");
        return buffer[..count];
    }

    public static byte[] Write(SpanWriter writer, int capacity = 2048)
    {
        var buffer = new byte[capacity];
        Assert.True(writer(buffer, out int written));
        return buffer[..written];
    }
}

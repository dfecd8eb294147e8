using Net80211;
using Net80211.Frames;
using Net80211.Packets;

namespace Crypto.Tests.Wep;

/// <summary>Data frames for the WEP and TKIP tests.</summary>
internal static class LegacyTestFrames
{
    public static readonly MacAddress Ap = MacAddress.Parse("02:00:00:00:00:01");
    public static readonly MacAddress Sta = MacAddress.Parse("02:00:00:00:00:02");
    public static readonly MacAddress Remote = MacAddress.Parse("02:00:00:00:00:99");

    /// <summary>A data frame with <paramref name="body"/>: ToDS STA→AP, or QoS with <paramref name="tid"/>, or 4-address.</summary>
    public static Packet Data(PacketPool pool, ReadOnlySpan<byte> body, bool fromAp = false, int? tid = null, bool fourAddress = false, ushort sequence = 0x120)
    {
        FrameControlFlags flags = fourAddress ? FrameControlFlags.ToDs | FrameControlFlags.FromDs
            : fromAp ? FrameControlFlags.FromDs : FrameControlFlags.ToDs;
        var header = new FrameHeader
        {
            FrameControl = FrameControl.Data(tid is null ? DataSubtype.Data : DataSubtype.QosData, flags),
            Address1 = fromAp ? Sta : Ap,
            Address2 = fromAp ? Ap : Sta,
            Address3 = Remote,
            Address4 = fourAddress ? MacAddress.Parse("02:00:00:00:00:44") : default,
            SequenceControl = new SequenceControl(sequence),
            QosControl = tid is int t ? QosControl.Create(t) : default,
        };
        Packet p = pool.Rent(FrameHeader.MaxLength + body.Length);
        Assert.True(header.TryWrite(p.Append(header.Length), out _));
        p.Append(body);
        return p;
    }

    public static int HeaderLength(ReadOnlySpan<byte> frame)
        => FrameControl.TryRead(frame, out FrameControl fc) ? FrameHeader.GetHeaderLength(fc) : 0;

    public static byte[] Body(int length, int seed = 1)
    {
        var body = new byte[length];
        new Random(seed).NextBytes(body);
        return body;
    }
}

using Net80211;
using Net80211.Frames;

namespace Crypto.Tests.Ccmp;

/// <summary>The MAC header shapes a CCMP/GCMP key must handle.</summary>
public enum HeaderKind
{
    Data3,
    Data4,
    QosData3,
    QosData4,
    QosDataHtc,
    Management,
}

/// <summary>Random plaintext MPDUs (header + body) for the cipher tests.</summary>
internal static class Mpdus
{
    public static readonly HeaderKind[] AllKinds = Enum.GetValues<HeaderKind>();

    public static FrameHeader Header(HeaderKind kind, Random random)
    {
        MacAddress Address() => MacAddress.FromUInt64((ulong)random.NextInt64(1L << 48));
        var seq = new SequenceControl(random.Next(4096), random.Next(16));
        int tid = random.Next(8);
        var header = new FrameHeader
        {
            Address1 = Address(),
            Address2 = Address(),
            Address3 = Address(),
            SequenceControl = seq,
            Duration = new DurationId((ushort)random.Next(0x8000)),
        };
        return kind switch
        {
            HeaderKind.Data3 => header with { FrameControl = FrameControl.Data(DataSubtype.Data, FrameControlFlags.ToDs) },
            HeaderKind.Data4 => header with { FrameControl = FrameControl.Data(DataSubtype.Data, FrameControlFlags.ToDs | FrameControlFlags.FromDs), Address4 = Address() },
            HeaderKind.QosData3 => header with { FrameControl = FrameControl.Data(DataSubtype.QosData, FrameControlFlags.FromDs), QosControl = QosControl.Create(tid) },
            HeaderKind.QosData4 => header with { FrameControl = FrameControl.Data(DataSubtype.QosData, FrameControlFlags.ToDs | FrameControlFlags.FromDs), Address4 = Address(), QosControl = QosControl.Create(tid, amsduPresent: true) },
            HeaderKind.QosDataHtc => header with { FrameControl = FrameControl.Data(DataSubtype.QosData, FrameControlFlags.Order), QosControl = QosControl.Create(tid), HtControl = (uint)random.Next() },
            _ => header with { FrameControl = FrameControl.Management(ManagementSubtype.Deauthentication) },
        };
    }

    public static byte[] Build(HeaderKind kind, int bodyLength, Random random, out int headerLength, out int tid)
    {
        FrameHeader header = Header(kind, random);
        headerLength = header.Length;
        tid = header.FrameControl.IsQosData ? header.QosControl.Tid : 16;
        var mpdu = new byte[headerLength + bodyLength];
        Assert.True(header.TryWrite(mpdu, out _));
        random.NextBytes(mpdu.AsSpan(headerLength));
        return mpdu;
    }

    /// <summary>Offset of the QoS Control field, or -1.</summary>
    public static int QosOffset(HeaderKind kind) => kind switch
    {
        HeaderKind.QosData3 or HeaderKind.QosDataHtc => 24,
        HeaderKind.QosData4 => 30,
        _ => -1,
    };
}

using System.Text;
using Net80211.Frames;

namespace Net80211.Tests.Frames;

public class Crc32Tests
{
    [Fact]
    public void CheckString_GivesStandardCheckValue()
    {
        Assert.Equal(0xCBF43926u, Crc32.Compute(Encoding.ASCII.GetBytes("123456789")));
    }

    [Fact]
    public void Empty_IsZero()
    {
        Assert.Equal(0u, Crc32.Compute(ReadOnlySpan<byte>.Empty));
    }

    [Fact]
    public void Append_EqualsOneShot()
    {
        byte[] data = Encoding.ASCII.GetBytes("The quick brown fox jumps over the lazy dog");
        Assert.Equal(0x414FA339u, Crc32.Compute(data));
        Assert.Equal(Crc32.Compute(data), Crc32.Append(Crc32.Compute(data.AsSpan(0, 10)), data.AsSpan(10)));
    }

    [Fact]
    public void Fcs_AppendThenVerify_AndDetectsCorruption()
    {
        byte[] frame = FrameBytes.Mgmt(ManagementSubtype.Beacon, FrameBytes.BeaconFixed(), FrameBytes.Ssid("lab"));
        var buffer = new byte[frame.Length + Fcs.Length];
        frame.CopyTo(buffer, 0);

        Assert.True(Fcs.TryAppend(buffer, frame.Length, out int total));
        Assert.Equal(buffer.Length, total);
        Assert.True(Fcs.Verify(buffer));
        Assert.True(Fcs.TryStrip(buffer, out ReadOnlySpan<byte> stripped, out FrameParseError error));
        Assert.Equal(FrameParseError.None, error);
        Assert.True(stripped.SequenceEqual(frame));

        buffer[30] ^= 0x01;
        Assert.False(Fcs.Verify(buffer));
        Assert.False(Fcs.TryStrip(buffer, out _, out error));
        Assert.Equal(FrameParseError.BadFcs, error);
    }

    [Fact]
    public void Fcs_IsLittleEndianCrcOfFrame()
    {
        // ACK to 00:11:22:33:44:55; the CRC of these 10 octets was computed independently (zlib.crc32).
        byte[] ack = FrameBytes.Hex("d4 00 00 00 00 11 22 33 44 55");
        var buffer = new byte[14];
        ack.CopyTo(buffer, 0);
        Assert.True(Fcs.TryAppend(buffer, 10, out _));
        uint expected = Fcs.Compute(ack);
        Assert.Equal(expected, BitConverter.ToUInt32(buffer, 10));
        Assert.Equal(0x4BF2EA71u, expected);
    }

    [Fact]
    public void Fcs_NoRoomOrTooShort_IsFalseNotException()
    {
        var buffer = new byte[12];
        Assert.False(Fcs.TryAppend(buffer, 10, out _));
        Assert.False(Fcs.TryAppend(buffer, 20, out _));
        Assert.False(Fcs.TryStrip(new byte[3], out _, out FrameParseError error));
        Assert.Equal(FrameParseError.TooShort, error);
    }
}

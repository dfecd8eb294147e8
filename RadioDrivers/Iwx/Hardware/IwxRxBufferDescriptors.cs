using System.Buffers.Binary;

namespace Net80211.RadioDrivers.Iwx.Hardware;

/// <summary>The free and used buffer descriptor rings of the 22000 multi-queue RX (§4).</summary>
/// <remarks>
/// Free BD: <c>u64 = buffer IOVA (4 KiB aligned) | rbid</c> (bits 0..11, 1..4095).
/// Used BD: <c>u32 = rbid</c> of a filled buffer. One packet per 4 KiB buffer.
/// </remarks>
public static class IwxRxBufferDescriptors
{
    public const int FreeBdSize = 8;
    public const int UsedBdSize = 4;
    public const int BufferSize = 4096;
    public const ulong RbidMask = 0xfff;
    public const int MinRbid = 1;
    public const int MaxRbid = 4095;
    /// <summary>Most entries a ring has (control_flags bits 0..3 give log2 N; closed_rb_num is 12 bits).</summary>
    public const int MaxQueueSize = 4096;

    public static ulong MakeFreeBd(ulong bufferIova, int rbid)
    {
        if ((bufferIova & RbidMask) != 0) throw new ArgumentException("RX buffers are 4 KiB aligned", nameof(bufferIova));
        ArgumentOutOfRangeException.ThrowIfLessThan(rbid, MinRbid);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rbid, MaxRbid);
        return bufferIova | (uint)rbid;
    }

    public static ulong FreeBdAddress(ulong freeBd) => freeBd & ~RbidMask;
    public static int FreeBdRbid(ulong freeBd) => (int)(freeBd & RbidMask);

    public static ulong ReadFreeBd(ReadOnlySpan<byte> ring, int index) => BinaryPrimitives.ReadUInt64LittleEndian(ring[(index * FreeBdSize)..]);
    public static void WriteFreeBd(Span<byte> ring, int index, ulong bd) => BinaryPrimitives.WriteUInt64LittleEndian(ring[(index * FreeBdSize)..], bd);

    public static int ReadUsedBd(ReadOnlySpan<byte> ring, int index) => (int)(BinaryPrimitives.ReadUInt32LittleEndian(ring[(index * UsedBdSize)..]) & RbidMask);
    public static void WriteUsedBd(Span<byte> ring, int index, int rbid) => BinaryPrimitives.WriteUInt32LittleEndian(ring[(index * UsedBdSize)..], (uint)rbid);
}

using System.Buffers.Binary;

namespace Net80211.RadioDrivers.Iwx.Hardware;

/// <summary>One transfer buffer of a TFD: an IOVA and a length.</summary>
public readonly record struct IwxTb(ulong Address, ushort Length);

/// <summary>The gen2 transmit frame descriptor (<c>iwl_tfh_tfd</c>, §4), read and written in place.</summary>
/// <remarks>
/// <code>
///  0x00 u16 num_tbs      bits 0..4: number of transfer buffers, 1..25
///  0x02 tbs[25]          { u16 tb_len; u64 addr }, 10 bytes each, packed
///  0xfc u32 pad
/// </code>
/// </remarks>
public static class IwxTfd
{
    public const int Size = 256;
    public const int MaxTbs = 25;
    public const int TbSize = 10;
    public const ushort NumTbsMask = 0x1f;

    /// <summary>Entries of the command queue (queue 0).</summary>
    public const int CommandQueueSize = 32;
    /// <summary>Entries of a data queue.</summary>
    public const int DataQueueSize = 256;
    public const int CommandQueueId = 0;

    private const int NumTbsOffset = 0, TbsOffset = 2;

    /// <summary>The num_tbs field (not validated: a garbage TFD may say 0 or 31).</summary>
    public static int GetNumTbs(ReadOnlySpan<byte> tfd)
        => tfd.Length < Size ? throw new ArgumentException("a TFD is 256 bytes", nameof(tfd))
        : BinaryPrimitives.ReadUInt16LittleEndian(tfd[NumTbsOffset..]) & NumTbsMask;

    public static void SetNumTbs(Span<byte> tfd, int count)
    {
        if (tfd.Length < Size) throw new ArgumentException("a TFD is 256 bytes", nameof(tfd));
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, MaxTbs);
        BinaryPrimitives.WriteUInt16LittleEndian(tfd[NumTbsOffset..], (ushort)count);
    }

    public static IwxTb GetTb(ReadOnlySpan<byte> tfd, int index)
    {
        var tb = TbSlice(tfd, index);
        return new IwxTb(BinaryPrimitives.ReadUInt64LittleEndian(tb[2..]), BinaryPrimitives.ReadUInt16LittleEndian(tb));
    }

    public static void SetTb(Span<byte> tfd, int index, ulong address, ushort length)
    {
        if (tfd.Length < Size) throw new ArgumentException("a TFD is 256 bytes", nameof(tfd));
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, MaxTbs);
        var tb = tfd.Slice(TbsOffset + index * TbSize, TbSize);
        BinaryPrimitives.WriteUInt16LittleEndian(tb, length);
        BinaryPrimitives.WriteUInt64LittleEndian(tb[2..], address);
    }

    /// <summary>Clears <paramref name="tfd"/> and fills it with <paramref name="tbs"/>.</summary>
    public static void Write(Span<byte> tfd, ReadOnlySpan<IwxTb> tbs)
    {
        if (tfd.Length < Size) throw new ArgumentException("a TFD is 256 bytes", nameof(tfd));
        tfd[..Size].Clear();
        SetNumTbs(tfd, tbs.Length);
        for (int i = 0; i < tbs.Length; i++) SetTb(tfd, i, tbs[i].Address, tbs[i].Length);
    }

    /// <summary>False for a short span or a num_tbs outside 1..25 (a TFD the device must refuse).</summary>
    public static bool TryValidate(ReadOnlySpan<byte> tfd, out int numTbs)
    {
        numTbs = tfd.Length < Size ? 0 : GetNumTbs(tfd);
        return numTbs is >= 1 and <= MaxTbs;
    }

    private static ReadOnlySpan<byte> TbSlice(ReadOnlySpan<byte> tfd, int index)
    {
        if (tfd.Length < Size) throw new ArgumentException("a TFD is 256 bytes", nameof(tfd));
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, MaxTbs);
        return tfd.Slice(TbsOffset + index * TbSize, TbSize);
    }
}

using System.Buffers.Binary;

namespace Net80211.RadioDrivers.Iwx.Hardware;

/// <summary>key_flags of ADD_STA_KEY (§6).</summary>
public static class IwxKeyFlags
{
    public const ushort CipherMask = 0x7;
    public const ushort CipherNone = 0;
    public const ushort CipherCcm = 2;
    public const int KeyIdShift = 8;
    public const ushort KeyIdMask = 3 << KeyIdShift;
    /// <summary>Remove the key.</summary>
    public const ushort KeyInvalid = 1 << 11;
    /// <summary>A group key (per key id) rather than the station's pairwise key.</summary>
    public const ushort Multicast = 1 << 14;

    public static ushort Make(ushort cipher, int keyId, bool multicast, bool invalid = false)
        => (ushort)((cipher & CipherMask) | (keyId & 3) << KeyIdShift | (multicast ? Multicast : 0) | (invalid ? KeyInvalid : 0));
}

/// <summary>ADD_STA_KEY payload (trimmed, §6). The response is a u32 status, 1 = <see cref="Success"/>.</summary>
/// <remarks>
/// <code>
///  0x00 u8  sta_id; u8 key_offset; u16 key_flags    bits 0..2 cipher (0 none, 2 CCM), 8..9 key id,
///                                                   11 KEY_INVALID (remove), 14 MCAST
///  0x04 u8  key[32]
///  0x24 u8  rx_secur_seq_cnt[16]
///  0x34 u64 transmit_seq_cnt
/// </code>
/// </remarks>
public readonly record struct IwxAddStaKeyCmd
{
    public const int Size = 0x3c;
    public const int KeyLength = 32;
    public const int RxSeqLength = 16;
    public const uint Success = 1;

    public byte StaId { get; init; }
    public byte KeyOffset { get; init; }
    public ushort KeyFlags { get; init; }
    /// <summary>32 bytes; a CCMP-128 key uses the first 16.</summary>
    public ReadOnlyMemory<byte> Key { get; init; }
    public ReadOnlyMemory<byte> RxSecureSequenceCounter { get; init; }
    public ulong TransmitSequenceCounter { get; init; }

    public ushort Cipher => (ushort)(KeyFlags & IwxKeyFlags.CipherMask);
    public int KeyId => (KeyFlags & IwxKeyFlags.KeyIdMask) >> IwxKeyFlags.KeyIdShift;
    public bool IsInvalid => (KeyFlags & IwxKeyFlags.KeyInvalid) != 0;
    public bool IsMulticast => (KeyFlags & IwxKeyFlags.Multicast) != 0;

    public static bool TryRead(ReadOnlySpan<byte> source, out IwxAddStaKeyCmd cmd)
    {
        if (source.Length < Size)
        {
            cmd = default;
            return false;
        }
        cmd = new IwxAddStaKeyCmd
        {
            StaId = source[0x00],
            KeyOffset = source[0x01],
            KeyFlags = BinaryPrimitives.ReadUInt16LittleEndian(source[0x02..]),
            Key = source.Slice(0x04, KeyLength).ToArray(),
            RxSecureSequenceCounter = source.Slice(0x24, RxSeqLength).ToArray(),
            TransmitSequenceCounter = BinaryPrimitives.ReadUInt64LittleEndian(source[0x34..]),
        };
        return true;
    }

    /// <summary>False if the destination is short or a key/counter is longer than its field.</summary>
    public bool TryWrite(Span<byte> destination)
    {
        if (destination.Length < Size || Key.Length > KeyLength || RxSecureSequenceCounter.Length > RxSeqLength) return false;
        destination[..Size].Clear();
        destination[0x00] = StaId;
        destination[0x01] = KeyOffset;
        BinaryPrimitives.WriteUInt16LittleEndian(destination[0x02..], KeyFlags);
        Key.Span.CopyTo(destination[0x04..]);
        RxSecureSequenceCounter.Span.CopyTo(destination[0x24..]);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[0x34..], TransmitSequenceCounter);
        return true;
    }
}

using System.Buffers.Binary;

namespace Net80211.RadioDrivers.Iwx.Hardware;

/// <summary>Bits of <see cref="IwxRxMpduDesc.Status"/>.</summary>
public static class IwxRxMpduStatus
{
    public const uint CrcOk = 1u << 0;
    public const uint OverrunOk = 1u << 1;
    public const uint MicOk = 1u << 6;
    public const int SecShift = 8;
    public const uint SecMask = 7u << SecShift;
    public const uint SecNone = 0u << SecShift;
    public const uint SecCcm = 2u << SecShift;
    /// <summary>(emulator) The firmware decrypted the body and stripped the MIC; CCMP header and Protected bit stay.</summary>
    public const uint Decrypted = 1u << 11;
}

/// <summary>The RX MPDU notification (REPLY_RX_MPDU_CMD; trimmed <c>iwl_rx_mpdu_desc</c>, §4).</summary>
/// <remarks>
/// <code>
///  0x00 u16 mpdu_len
///  0x02 u8  mac_flags1; u8 mac_flags2
///  0x04 u8  amsdu_info; u8 reserved
///  0x06 u16 phy_info           bit 0 SHORT_PREAMBLE (emulator numbering)
///  0x08 u32 status             bit 0 CRC_OK, 1 OVERRUN_OK, 6 MIC_OK, 8..10 SEC (0 none, 2 CCM), 11 DECRYPTED
///  0x0c u8  energy_a; u8 energy_b   -dBm
///  0x0e u8  channel; u8 mac_context
///  0x10 u32 rate_n_flags
///  0x14 u32 gp2_on_air_rise    µs
///  0x18 u64 pn                 (emulator) CCMP PN of a decrypted frame
///  0x20 u64 tsf_on_air_rise
///  0x28 the frame (mpdu_len bytes, no FCS)
/// </code>
/// </remarks>
public readonly record struct IwxRxMpduDesc
{
    public const int Size = 0x28;
    public const ushort PhyInfoShortPreamble = 1;

    public ushort MpduLength { get; init; }
    public byte MacFlags1 { get; init; }
    public byte MacFlags2 { get; init; }
    public byte AmsduInfo { get; init; }
    public ushort PhyInfo { get; init; }
    public uint Status { get; init; }
    public byte EnergyA { get; init; }
    public byte EnergyB { get; init; }
    public byte Channel { get; init; }
    public byte MacContext { get; init; }
    public uint RateNFlags { get; init; }
    public uint Gp2OnAirRise { get; init; }
    public ulong Pn { get; init; }
    public ulong TsfOnAirRise { get; init; }

    /// <summary>Signal in dBm: the stronger chain.</summary>
    public int SignalDbm => -Math.Min(EnergyA == 0 ? 255 : EnergyA, EnergyB == 0 ? 255 : EnergyB);
    public bool CrcOk => (Status & IwxRxMpduStatus.CrcOk) != 0;
    public bool Decrypted => (Status & IwxRxMpduStatus.Decrypted) != 0;
    public uint Security => Status & IwxRxMpduStatus.SecMask;

    public static bool TryRead(ReadOnlySpan<byte> source, out IwxRxMpduDesc desc)
    {
        if (source.Length < Size)
        {
            desc = default;
            return false;
        }
        desc = new IwxRxMpduDesc
        {
            MpduLength = BinaryPrimitives.ReadUInt16LittleEndian(source),
            MacFlags1 = source[0x02],
            MacFlags2 = source[0x03],
            AmsduInfo = source[0x04],
            PhyInfo = BinaryPrimitives.ReadUInt16LittleEndian(source[0x06..]),
            Status = BinaryPrimitives.ReadUInt32LittleEndian(source[0x08..]),
            EnergyA = source[0x0c],
            EnergyB = source[0x0d],
            Channel = source[0x0e],
            MacContext = source[0x0f],
            RateNFlags = BinaryPrimitives.ReadUInt32LittleEndian(source[0x10..]),
            Gp2OnAirRise = BinaryPrimitives.ReadUInt32LittleEndian(source[0x14..]),
            Pn = BinaryPrimitives.ReadUInt64LittleEndian(source[0x18..]),
            TsfOnAirRise = BinaryPrimitives.ReadUInt64LittleEndian(source[0x20..]),
        };
        return true;
    }

    public bool TryWrite(Span<byte> destination)
    {
        if (destination.Length < Size) return false;
        BinaryPrimitives.WriteUInt16LittleEndian(destination, MpduLength);
        destination[0x02] = MacFlags1;
        destination[0x03] = MacFlags2;
        destination[0x04] = AmsduInfo;
        destination[0x05] = 0;
        BinaryPrimitives.WriteUInt16LittleEndian(destination[0x06..], PhyInfo);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[0x08..], Status);
        destination[0x0c] = EnergyA;
        destination[0x0d] = EnergyB;
        destination[0x0e] = Channel;
        destination[0x0f] = MacContext;
        BinaryPrimitives.WriteUInt32LittleEndian(destination[0x10..], RateNFlags);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[0x14..], Gp2OnAirRise);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[0x18..], Pn);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[0x20..], TsfOnAirRise);
        return true;
    }
}

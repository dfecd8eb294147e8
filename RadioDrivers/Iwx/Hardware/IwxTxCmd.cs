using System.Buffers.Binary;

namespace Net80211.RadioDrivers.Iwx.Hardware;

/// <summary>TX command flags (§4 "TX command").</summary>
[Flags]
public enum IwxTxCmdFlags : uint
{
    None = 0,
    /// <summary>Use <see cref="IwxTxCmd.RateNFlags"/> instead of the firmware's rate selection.</summary>
    CmdRate = 1u << 0,
    /// <summary>Do not encrypt even if a key matches.</summary>
    EncryptDisable = 1u << 1,
    HighPriority = 1u << 2,
}

/// <summary>The TX command that follows the wide header in TB0 of a data TFD (<c>iwl_tx_cmd_gen2</c>, trimmed).</summary>
/// <remarks>
/// <code>
///  0x00 u16 len              frame length (802.11 header + body, no FCS)
///  0x02 u16 offload_assist   0
///  0x04 u32 flags            bit 0 CMD_RATE, bit 1 ENCRYPT_DIS, bit 2 HIGH_PRI; bits 8..11 max retries (with CMD_RATE)
///  0x08 u32 pn_low; u16 pn_high; u16 aux_info     (dram_sec_info; unused)
///  0x10 u32 rate_n_flags     rate when CMD_RATE is set
///  0x14 the 802.11 frame (continued in TB1..)
/// </code>
/// </remarks>
public readonly record struct IwxTxCmd
{
    public const int Size = 0x14;
    public const int RetryShift = 8;
    public const uint RetryMask = 0xfu << RetryShift;

    public ushort Length { get; init; }
    public ushort OffloadAssist { get; init; }
    public uint Flags { get; init; }
    public uint PnLow { get; init; }
    public ushort PnHigh { get; init; }
    public ushort AuxInfo { get; init; }
    public uint RateNFlags { get; init; }

    public IwxTxCmdFlags FlagBits => (IwxTxCmdFlags)(Flags & 0x7);

    /// <summary>Retries after the first attempt when <see cref="IwxTxCmdFlags.CmdRate"/> is set.</summary>
    public int MaxRetries => (int)((Flags & RetryMask) >> RetryShift);

    public static uint MakeFlags(IwxTxCmdFlags flags, int maxRetries = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxRetries);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxRetries, 15);
        return (uint)flags | (uint)maxRetries << RetryShift;
    }

    public static bool TryRead(ReadOnlySpan<byte> source, out IwxTxCmd cmd)
    {
        if (source.Length < Size)
        {
            cmd = default;
            return false;
        }
        cmd = new IwxTxCmd
        {
            Length = BinaryPrimitives.ReadUInt16LittleEndian(source),
            OffloadAssist = BinaryPrimitives.ReadUInt16LittleEndian(source[0x02..]),
            Flags = BinaryPrimitives.ReadUInt32LittleEndian(source[0x04..]),
            PnLow = BinaryPrimitives.ReadUInt32LittleEndian(source[0x08..]),
            PnHigh = BinaryPrimitives.ReadUInt16LittleEndian(source[0x0c..]),
            AuxInfo = BinaryPrimitives.ReadUInt16LittleEndian(source[0x0e..]),
            RateNFlags = BinaryPrimitives.ReadUInt32LittleEndian(source[0x10..]),
        };
        return true;
    }

    public bool TryWrite(Span<byte> destination)
    {
        if (destination.Length < Size) return false;
        BinaryPrimitives.WriteUInt16LittleEndian(destination, Length);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[0x02..], OffloadAssist);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[0x04..], Flags);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[0x08..], PnLow);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[0x0c..], PnHigh);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[0x0e..], AuxInfo);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[0x10..], RateNFlags);
        return true;
    }
}

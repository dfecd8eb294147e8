using System.Buffers.Binary;

namespace Net80211.RadioDrivers.Iwx.Hardware;

/// <summary>TX response status (§4; <c>FailNoKey</c> is emulator numbering).</summary>
public enum IwxTxStatus : ushort
{
    Success = 0x01,
    /// <summary>Sent; no ACK expected (group addressed or no-ack).</summary>
    DirectDone = 0x02,
    /// <summary>No ACK after all tries.</summary>
    FailShortLimit = 0x82,
    DrainFlow = 0x85,
    /// <summary>The queue was flushed (TXPATH_FLUSH) before the frame went out.</summary>
    FailFlushed = 0x88,
    /// <summary>(emulator) Protected frame without a matching key: not sent.</summary>
    FailNoKey = 0x8b,
}

/// <summary>The TX response notification (cmd TX_CMD, the TFD's sequence; trimmed <c>iwl_mvm_tx_resp</c>).</summary>
/// <remarks>
/// <code>
///  0x00 u8  frame_count (1); u8 bt_kill_count; u8 failure_rts; u8 failure_frame (retries)
///  0x04 u32 initial_rate     rate_n_flags of the last attempt
///  0x08 u16 wireless_media_time; u16 reserved
///  0x0c u8  ra_tid           (sta_id &lt;&lt; 4) | tid
///  0x0d u8  reserved
///  0x0e u16 tx_queue
///  0x10 u16 status
///  0x12 u16 seq_ctl
///  0x14 u32 ssn              the queue's read index after this frame
/// </code>
/// </remarks>
public readonly record struct IwxTxResponse
{
    public const int Size = 0x18;

    public byte FrameCount { get; init; }
    public byte BtKillCount { get; init; }
    public byte FailureRts { get; init; }
    /// <summary>Retries: attempts after the first.</summary>
    public byte FailureFrame { get; init; }
    public uint InitialRate { get; init; }
    public ushort WirelessMediaTime { get; init; }
    public byte RaTid { get; init; }
    public ushort TxQueue { get; init; }
    public IwxTxStatus Status { get; init; }
    public ushort SeqCtl { get; init; }
    public uint Ssn { get; init; }

    public int StaId => RaTid >> 4;
    public int Tid => RaTid & 0xf;
    /// <summary>Success or DirectDone (the high bit marks failures).</summary>
    public bool IsSuccess => ((ushort)Status & 0x80) == 0;

    public static byte MakeRaTid(int staId, int tid) => (byte)((staId & 0xf) << 4 | (tid & 0xf));

    public static bool TryRead(ReadOnlySpan<byte> source, out IwxTxResponse response)
    {
        if (source.Length < Size)
        {
            response = default;
            return false;
        }
        response = new IwxTxResponse
        {
            FrameCount = source[0x00],
            BtKillCount = source[0x01],
            FailureRts = source[0x02],
            FailureFrame = source[0x03],
            InitialRate = BinaryPrimitives.ReadUInt32LittleEndian(source[0x04..]),
            WirelessMediaTime = BinaryPrimitives.ReadUInt16LittleEndian(source[0x08..]),
            RaTid = source[0x0c],
            TxQueue = BinaryPrimitives.ReadUInt16LittleEndian(source[0x0e..]),
            Status = (IwxTxStatus)BinaryPrimitives.ReadUInt16LittleEndian(source[0x10..]),
            SeqCtl = BinaryPrimitives.ReadUInt16LittleEndian(source[0x12..]),
            Ssn = BinaryPrimitives.ReadUInt32LittleEndian(source[0x14..]),
        };
        return true;
    }

    public bool TryWrite(Span<byte> destination)
    {
        if (destination.Length < Size) return false;
        destination[..Size].Clear();
        destination[0x00] = FrameCount;
        destination[0x01] = BtKillCount;
        destination[0x02] = FailureRts;
        destination[0x03] = FailureFrame;
        BinaryPrimitives.WriteUInt32LittleEndian(destination[0x04..], InitialRate);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[0x08..], WirelessMediaTime);
        destination[0x0c] = RaTid;
        BinaryPrimitives.WriteUInt16LittleEndian(destination[0x0e..], TxQueue);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[0x10..], (ushort)Status);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[0x12..], SeqCtl);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[0x14..], Ssn);
        return true;
    }
}

namespace Net80211.RadioDrivers.Air;

/// <summary>Final outcome of a queued frame.</summary>
public enum AirTxStatus : byte
{
    /// <summary>An ACK came back.</summary>
    Acked,
    /// <summary>Every stage of the rate chain was tried without an ACK (retry limit).</summary>
    NotAcked,
    /// <summary>Group-addressed, control or no-ack frame: sent once, nothing expected back.</summary>
    SentNoAck,
    /// <summary>Never finished: the port was detached.</summary>
    Flushed,
}

/// <summary>What the air reports back with a frame in <see cref="IMediumClient.OnTxDone"/>,
/// the equivalent of a hardware TX descriptor's status words.</summary>
public readonly struct AirTxResult
{
    private readonly byte _a0, _a1, _a2, _a3;

    /// <param name="stageAttempts">Attempts per rate chain stage; at least <see cref="RateChain.MaxStages"/> entries.</param>
    public AirTxResult(AirTxStatus status, int attempts, int finalStage, byte finalRate,
        ReadOnlySpan<byte> stageAttempts, long queuedTicks, long doneTicks)
    {
        if (stageAttempts.Length < RateChain.MaxStages) throw new ArgumentException("one count per stage", nameof(stageAttempts));
        Status = status;
        Attempts = attempts;
        FinalStage = finalStage;
        FinalRate = finalRate;
        _a0 = stageAttempts[0]; _a1 = stageAttempts[1]; _a2 = stageAttempts[2]; _a3 = stageAttempts[3];
        QueuedTicks = queuedTicks;
        DoneTicks = doneTicks;
    }

    public AirTxStatus Status { get; }

    /// <summary>Transmissions made (0 when flushed before the first).</summary>
    public int Attempts { get; }

    /// <summary>Rate chain stage of the last attempt.</summary>
    public int FinalStage { get; }

    /// <summary>Rate of the last attempt, 500 kb/s units.</summary>
    public byte FinalRate { get; }

    /// <summary>Attempts made at stage <paramref name="stage"/> (0..3).</summary>
    public int StageAttempts(int stage) => stage switch
    {
        0 => _a0, 1 => _a1, 2 => _a2, 3 => _a3,
        _ => throw new ArgumentOutOfRangeException(nameof(stage)),
    };

    /// <summary>Virtual time (100 ns ticks) the frame was queued.</summary>
    public long QueuedTicks { get; }

    /// <summary>Virtual time the outcome was known.</summary>
    public long DoneTicks { get; }

    public bool Success => Status is AirTxStatus.Acked or AirTxStatus.SentNoAck;
}

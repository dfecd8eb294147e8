namespace Net80211.RadioDrivers.Air;

/// <summary>Observer of every transmission on the air, raised at the transmission's end.</summary>
public delegate void AirFrameHandler(in AirFrameEvent e);

/// <summary>
/// One transmission as a capture sees it. The frame bytes are borrowed: valid only during the
/// <see cref="Medium.FrameOnAir"/> call; copy them to keep them.
/// </summary>
public readonly ref struct AirFrameEvent
{
    internal AirFrameEvent(ReadOnlyMemory<byte> frame, MediumPort sender, int frequencyMhz, byte rate, bool shortPreamble,
        long startTicks, long endTicks, bool isAck, int attempt, bool collided, bool delivered)
    {
        FrameMemory = frame;
        Sender = sender;
        FrequencyMhz = frequencyMhz;
        Rate = rate;
        ShortPreamble = shortPreamble;
        StartTicks = startTicks;
        EndTicks = endTicks;
        IsAck = isAck;
        Attempt = attempt;
        Collided = collided;
        Delivered = delivered;
    }

    /// <summary>The frame without FCS.</summary>
    public ReadOnlySpan<byte> Frame => FrameMemory.Span;
    public ReadOnlyMemory<byte> FrameMemory { get; }
    public MediumPort Sender { get; }
    public int FrequencyMhz { get; }
    /// <summary>500 kb/s units.</summary>
    public byte Rate { get; }
    public bool ShortPreamble { get; }
    public long StartTicks { get; }
    public long EndTicks { get; }
    /// <summary>An ACK the medium generated on behalf of a receiving port.</summary>
    public bool IsAck { get; }
    /// <summary>1-based attempt number of the frame; for an ACK, the attempt of the frame it acknowledges.</summary>
    public int Attempt { get; }
    /// <summary>Another transmission on the same frequency overlapped this one in time.</summary>
    public bool Collided { get; }
    /// <summary>The addressed receiver decoded it (unicast: the port that ACKs addr1; ACK: the data sender;
    /// group: at least one port).</summary>
    public bool Delivered { get; }
}

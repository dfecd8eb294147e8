using Net80211.Packets;

namespace Net80211.RadioDrivers.Air;

/// <summary>
/// One PPDU on the air, with what every port slot sees of it. Pooled by the medium: reused across
/// transmissions so the steady state allocates nothing. Arrays are indexed by port slot.
/// </summary>
internal sealed class Transmission
{
    public Transmission(Medium medium, int capacity)
    {
        Medium = medium;
        RxDbm = new double[capacity];
        RxMw = new double[capacity];
        InterferenceMw = new double[capacity];
        Sensed = new bool[capacity];
        Decoded = new bool[capacity];
        SignalDbm = new double[capacity];
        SinrDb = new double[capacity];
        Copies = new Packet?[capacity];
        Receivers = new MediumPort?[capacity];
    }

    public readonly Medium Medium;
    public long Seq;
    public MediumPort Sender = null!;
    public int FrequencyMhz;
    public long Start;
    public long End;
    public byte Rate;
    public bool ShortPreamble;
    public bool IsAck;
    public bool AckRequired;
    public int Attempt;
    /// <summary>The frame being sent (data) or null (ACK from the port's own buffer).</summary>
    public Packet? Packet;
    public ReadOnlyMemory<byte> Frame;
    /// <summary>ACK only: the port that sent the data frame and the data transmission's sequence number.</summary>
    public MediumPort? AckTarget;
    public long AckForSeq;
    /// <summary>Another transmission on the frequency overlapped this one.</summary>
    public bool Overlapped;
    /// <summary>Taken off the air early (sender detached); the end event only recycles it.</summary>
    public bool Aborted;

    public double[] RxDbm;
    public double[] RxMw;
    /// <summary>Sum of the powers of every other transmission that overlapped this one, per receiver.</summary>
    public double[] InterferenceMw;
    /// <summary>This transmission holds the receiver's CCA busy.</summary>
    public bool[] Sensed;
    public bool[] Decoded;
    public double[] SignalDbm;
    public double[] SinrDb;
    public Packet?[] Copies;
    public MediumPort?[] Receivers;

    public void EnsureCapacity(int capacity)
    {
        if (RxDbm.Length >= capacity) return;
        Array.Resize(ref RxDbm, capacity);
        Array.Resize(ref RxMw, capacity);
        Array.Resize(ref InterferenceMw, capacity);
        Array.Resize(ref Sensed, capacity);
        Array.Resize(ref Decoded, capacity);
        Array.Resize(ref SignalDbm, capacity);
        Array.Resize(ref SinrDb, capacity);
        Array.Resize(ref Copies, capacity);
        Array.Resize(ref Receivers, capacity);
    }

    public void ClearSlot(int slot)
    {
        RxDbm[slot] = double.NegativeInfinity;
        RxMw[slot] = 0;
        InterferenceMw[slot] = 0;
        Sensed[slot] = false;
        Decoded[slot] = false;
        Copies[slot] = null;
        Receivers[slot] = null;
    }
}

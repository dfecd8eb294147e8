using Net80211;
using Net80211.Packets;
using Net80211.RadioDrivers.Air;
using Net80211.Scheduling;

namespace RadioDrivers.Tests.Air;

/// <summary>A small world: scheduler, pool, medium and stations, with the leak check every scenario ends with.</summary>
internal sealed class AirHarness
{
    public AirHarness(ulong seed = 1, MediumOptions? options = null)
    {
        Scheduler = new SimulationScheduler(seed);
        Pool = new PacketPool();
        Medium = new Medium(Scheduler, options, Pool);
    }

    public SimulationScheduler Scheduler { get; }
    public PacketPool Pool { get; }
    public Medium Medium { get; }
    public List<Station> Stations { get; } = [];

    public Station Add(string name, int frequencyMhz, Position position = default, double txPowerDbm = 20)
    {
        var mac = MacAddress.FromUInt64(0x02_00_00_00_00_00UL + (ulong)Stations.Count + 1);
        var st = new Station(this, name, mac);
        st.Port = Medium.Attach(name, st, position, txPowerDbm);
        st.Port.FrequencyMhz = frequencyMhz;
        Stations.Add(st);
        return st;
    }

    public void Run(TimeSpan duration) => Scheduler.RunFor(duration);

    /// <summary>Detaches everything (flushing what is left), lets the air drain, and checks that every
    /// enqueued frame came back exactly once and no packet leaked.</summary>
    public void FinishAndCheckLeaks()
    {
        foreach (var st in Stations) st.StopSource();
        foreach (var st in Stations) Medium.Detach(st.Port);
        Scheduler.RunUntilIdle(TimeSpan.FromSeconds(1));
        foreach (var st in Stations)
        {
            Assert.Empty(st.InFlight);
            Assert.Equal(st.Enqueued, st.Done);
        }
        Assert.Equal(0, Pool.Outstanding);
    }

    /// <summary>An 802.11 data frame (FromDS/ToDS 0) from <paramref name="src"/> to <paramref name="dst"/>
    /// carrying LLC/SNAP and <paramref name="msdu"/> bytes: 24 + 8 + msdu bytes, FCS not included.</summary>
    public Packet DataFrame(MacAddress src, MacAddress dst, int msdu, ushort seq = 0)
    {
        var p = Pool.Rent(24 + 8 + msdu);
        var f = p.Append(24 + 8 + msdu);
        f.Clear();
        f[0] = 0x08; // type data, subtype 0
        dst.WriteTo(f[4..]);
        src.WriteTo(f[10..]);
        dst.WriteTo(f[16..]);
        f[22] = (byte)(seq << 4);
        f[23] = (byte)(seq >> 4);
        f[24] = 0xAA; f[25] = 0xAA; f[26] = 0x03; f[30] = 0x08; f[31] = 0x00;
        for (int i = 32; i < f.Length; i++) f[i] = (byte)i;
        return p;
    }
}

/// <summary>A radio: ACKs its own address, frees what it receives, and can keep its queue saturated.</summary>
internal sealed class Station : IMediumClient
{
    private readonly AirHarness _h;
    private MacAddress _dst;
    private int _msdu;
    private TxDescriptor _desc;
    private int _depth;
    private ushort _seq;

    public Station(AirHarness harness, string name, MacAddress address)
    {
        _h = harness;
        Name = name;
        Address = address;
    }

    public string Name { get; }
    public MacAddress Address { get; }
    public MediumPort Port { get; set; } = null!;
    public HashSet<Packet> InFlight { get; } = new(ReferenceEqualityComparer.Instance);
    public long Enqueued { get; private set; }
    public long Done { get; private set; }
    public long Acked { get; private set; }
    public long NotAcked { get; private set; }
    public long SentNoAck { get; private set; }
    public long Flushed { get; private set; }
    public long Received { get; private set; }
    public long ReceivedFromOthersAddressedToMe { get; private set; }
    public List<AirTxResult> Results { get; } = [];
    public AirRxInfo LastRx { get; private set; }
    public bool KeepResults { get; set; }

    public bool AcksFor(MacAddress receiverAddress) => receiverAddress == Address;

    public void OnReceive(Packet frame, in AirRxInfo info)
    {
        Received++;
        LastRx = info;
        if (frame.Length >= 10 && MacAddress.Read(frame.Data[4..]) == Address) ReceivedFromOthersAddressedToMe++;
        frame.Free();
    }

    public void OnTxDone(Packet frame, in AirTxResult result)
    {
        if (!InFlight.Remove(frame)) Assert.Fail($"{Name}: OnTxDone for a frame not in flight (or twice)");
        Done++;
        switch (result.Status)
        {
            case AirTxStatus.Acked: Acked++; break;
            case AirTxStatus.NotAcked: NotAcked++; break;
            case AirTxStatus.SentNoAck: SentNoAck++; break;
            case AirTxStatus.Flushed: Flushed++; break;
        }
        if (KeepResults) Results.Add(result);
        frame.Free();
        Refill();
    }

    public bool Send(MacAddress dst, int msdu, in TxDescriptor desc)
    {
        var p = _h.DataFrame(Address, dst, msdu, _seq++);
        if (!Port.TryEnqueue(p, desc))
        {
            p.Free();
            return false;
        }
        InFlight.Add(p);
        Enqueued++;
        return true;
    }

    /// <summary>Counts a frame the test enqueued on the port itself.</summary>
    public void Track(Packet p)
    {
        InFlight.Add(p);
        Enqueued++;
    }

    /// <summary>Keeps <paramref name="depth"/> frames queued towards <paramref name="dst"/>.</summary>
    public void Saturate(MacAddress dst, int msdu, in TxDescriptor desc, int depth = 2)
    {
        _dst = dst;
        _msdu = msdu;
        _desc = desc;
        _depth = depth;
        Refill();
    }

    public void StopSource() => _depth = 0;

    private void Refill()
    {
        while (Port.IsAttached && Port.QueueDepth < _depth && Send(_dst, _msdu, _desc)) { }
    }
}

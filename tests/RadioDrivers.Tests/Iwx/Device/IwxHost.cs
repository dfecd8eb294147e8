using System.Buffers.Binary;
using Net80211;
using Net80211.Packets;
using Net80211.RadioDrivers.Air;
using Net80211.RadioDrivers.Iwx.Device;
using Net80211.RadioDrivers.Iwx.Hardware;
using Net80211.RadioDrivers.Pci;
using Net80211.Scheduling;

namespace RadioDrivers.Tests.Iwx.Device;

/// <summary>
/// What a driver does, reduced to the steps a device test needs: reset and MAC clock, context info and
/// firmware sections in DMA memory, the command ring, a data ring, the RX rings with restock, and an ISR that
/// acks causes and harvests RX buffers. Only config space, BAR0, DMA and MSI-X — never the device's internals.
/// </summary>
internal sealed class IwxHost
{
    public const int RxSizeLog2 = 4;
    public const int RxSize = 1 << RxSizeLog2;
    public const int CmdSizeLog2 = 5;
    public const int CmdSize = 1 << CmdSizeLog2;
    public const int DataSizeLog2 = 8;
    public static readonly MacAddress DeviceAddress = MacAddress.Parse("a0:36:bc:01:02:03");

    private readonly List<DmaBuffer> _sections = [];
    private readonly DmaBuffer[] _rxBuffers = new DmaBuffer[RxSize];
    private readonly List<int> _harvested = [];
    private int _cmdWrite;
    private int _usedRead;
    private int _freeWrite;
    private byte _cookie = 0x40;

    public IwxHost(IwxDeviceModel model = IwxDeviceModel.AX200, ulong seed = 7)
    {
        Scheduler = new SimulationScheduler(seed);
        Pool = new PacketPool();
        Medium = new Medium(Scheduler, null, Pool);
        Bus = new PciBus();
        Device = new IwxDevice("iwx0", model, DeviceAddress, Medium, Scheduler.CreateWorkQueue("iwx0-device"), Pool,
            new Position(0, 0), random: Scheduler.CreateRandom("iwx0"));
        var address = Bus.Plug(Device);
        Handle = Bus.Open(address);
        Handle.EnableBusMaster();
        Csr = Handle.MapBar(0);
        Handle.EnableMsix(1);
        HostQueue = Scheduler.CreateWorkQueue("host");
        Handle.RegisterInterrupt(0, HostQueue, Isr);
    }

    public SimulationScheduler Scheduler { get; }
    public PacketPool Pool { get; }
    public Medium Medium { get; }
    public PciBus Bus { get; }
    public IwxDevice Device { get; }
    public PciDeviceHandle Handle { get; }
    public MmioRegion Csr { get; }
    public IWorkQueue HostQueue { get; }
    public DmaAllocator Dma => Handle.Dma;

    public DmaBuffer? CmdRing { get; private set; }
    public DmaBuffer? FreeRing { get; private set; }
    public DmaBuffer? UsedRing { get; private set; }
    public DmaBuffer? Status { get; private set; }

    /// <summary>Packets harvested from RX buffers, in order.</summary>
    public List<(IwxRxPacketHeader Header, byte[] Payload)> Received { get; } = [];
    public uint FhCausesSeen { get; private set; }
    public uint HwCausesSeen { get; private set; }
    public int Interrupts { get; private set; }
    /// <summary>Put harvested buffers straight back (a driver's restock); off to provoke overruns.</summary>
    public bool AutoRestock { get; set; } = true;
    public IwxAliveNotification? Alive { get; private set; }

    public void Run(TimeSpan duration) => Scheduler.RunFor(duration);

    /// <summary>Step 1 of §5: SW_RESET, INIT_DONE, wait for the MAC clock.</summary>
    public bool ResetAndClock()
    {
        Csr.Write32(IwxCsr.Reset, IwxCsr.ResetSwReset);
        Csr.SetBits32(IwxCsr.GpCntrl, IwxCsr.GpCntrlInitDone);
        bool early = (Csr.Read32(IwxCsr.GpCntrl) & IwxCsr.GpCntrlMacClockReady) != 0;
        Run(TimeSpan.FromMicroseconds(30));
        return !early && (Csr.Read32(IwxCsr.GpCntrl) & IwxCsr.GpCntrlMacClockReady) != 0;
    }

    /// <summary>Steps 1–3 of §5 with <paramref name="image"/>; runs until ALIVE or 1 s.</summary>
    public bool Boot(byte[]? image = null, Func<IwxContextInfo, IwxContextInfo>? tamper = null)
    {
        Assert.True(ResetAndClock());
        _cmdWrite = 0;
        _usedRead = 0;
        _harvested.Clear();
        Alive = null;
        Assert.True(IwxFirmwareFile.TryParse(image ?? IwxFirmwareImages.Build(Device.Model), out var file, out var error), error);
        var sections = new List<IwxContextInfoSection>();
        foreach (var s in file.Sections)
        {
            var buffer = Dma.AllocateCoherent(s.Data.Length, "fw section");
            s.Data.Span.CopyTo(buffer.Span);
            _sections.Add(buffer);
            sections.Add(new IwxContextInfoSection(buffer.Iova, (uint)s.Data.Length, s.LoadOffset));
        }
        CmdRing = Dma.AllocateCoherent(CmdSize * IwxTfd.Size, "cmd ring");
        FreeRing = Dma.AllocateCoherent(RxSize * IwxRxBufferDescriptors.FreeBdSize, "free bd");
        UsedRing = Dma.AllocateCoherent(RxSize * IwxRxBufferDescriptors.UsedBdSize, "used bd");
        Status = Dma.AllocateCoherent(IwxRbStatus.Size, "rb status");
        for (int i = 0; i < RxSize; i++) _rxBuffers[i] = Dma.AllocateCoherent(IwxRxBufferDescriptors.BufferSize, "rx buffer");
        // Stock N-1 buffers (rbid = index + 1): the device reads free BDs while its index differs from ours.
        for (int i = 0; i < RxSize - 1; i++)
            IwxRxBufferDescriptors.WriteFreeBd(FreeRing.Span, i, IwxRxBufferDescriptors.MakeFreeBd(_rxBuffers[i].Iova, i + 1));
        _freeWrite = RxSize - 1;

        var info = new IwxContextInfo
        {
            Version = 1,
            ControlFlags = RxSizeLog2,
            FreeRbdAddress = FreeRing.Iova,
            UsedRbdAddress = UsedRing.Iova,
            StatusWritePointer = Status.Iova,
            CommandQueueAddress = CmdRing.Iova,
            CommandQueueSizeLog2 = CmdSizeLog2,
            Sections = sections,
        };
        if (tamper is not null) info = tamper(info);
        var ctx = Dma.AllocateCoherent(info.Size, "context info");
        Assert.True(info.TryWrite(ctx.Span));
        Csr.Write32(IwxCsr.RfhQFrbdcbWidxTrg(0), (uint)_freeWrite);
        Csr.Write32(IwxCsr.CtxtInfoBaLo, (uint)ctx.Iova);
        Csr.Write32(IwxCsr.CtxtInfoBaHi, (uint)(ctx.Iova >> 32));
        Csr.Write32(IwxMsix.FhIntMaskAd, ~(IwxMsix.FhCauseQ0 | IwxMsix.FhCauseFhErr));
        Csr.Write32(IwxMsix.HwIntMaskAd, ~(IwxMsix.HwCauseAlive | IwxMsix.HwCauseSwErr | IwxMsix.HwCauseHwErr));
        Csr.Write32(IwxCsr.HbusTargPrphWaddr, IwxCsr.PrphAddress(IwxPrph.UregCpuInitRun));
        Csr.Write32(IwxCsr.HbusTargPrphWdat, 1);
        Scheduler.RunUntil(() => Alive is not null, TimeSpan.FromSeconds(1));
        return Alive is { Status: IwxAliveNotification.StatusOk };
    }

    /// <summary>Posts a command on queue 0 and runs until its response (or 100 ms). Returns the response, if any.</summary>
    public (IwxRxPacketHeader Header, byte[] Payload)? Command(IwxCommandId id, ReadOnlySpan<byte> payload, TimeSpan? wait = null)
    {
        ushort sequence = PostCommand(id, payload, out _);
        return WaitFor(sequence, wait ?? TimeSpan.FromMilliseconds(100));
    }

    public ushort PostCommand(IwxCommandId id, ReadOnlySpan<byte> payload, out byte cookie)
    {
        int index = _cmdWrite;
        cookie = _cookie++;
        var header = IwxCommandHeader.For(id, 0, index, payload.Length, cookie);
        var buffer = Dma.AllocateCoherent(IwxCommandHeader.Size + payload.Length, "cmd");
        header.TryWrite(buffer.Span);
        payload.CopyTo(buffer.Span[IwxCommandHeader.Size..]);
        IwxTfd.Write(CmdRing!.Span.Slice(index * IwxTfd.Size, IwxTfd.Size), [new IwxTb(buffer.Iova, (ushort)buffer.Length)]);
        _cmdWrite = (_cmdWrite + 1) % CmdSize;
        Csr.Write32(IwxCsr.HbusTargWrptr, IwxCsr.WritePointer(0, _cmdWrite));
        return header.Sequence;
    }

    /// <summary>Writes raw TFD contents at the next command slot and moves the write pointer.</summary>
    public ushort PostRawTfd(ReadOnlySpan<IwxTb> tbs, int numTbs)
    {
        int index = _cmdWrite;
        var tfd = CmdRing!.Span.Slice(index * IwxTfd.Size, IwxTfd.Size);
        IwxTfd.Write(tfd, tbs);
        BinaryPrimitives.WriteUInt16LittleEndian(tfd, (ushort)numTbs);
        _cmdWrite = (_cmdWrite + 1) % CmdSize;
        Csr.Write32(IwxCsr.HbusTargWrptr, IwxCsr.WritePointer(0, _cmdWrite));
        return IwxCommandHeader.MakeSequence(0, index);
    }

    public (IwxRxPacketHeader Header, byte[] Payload)? WaitFor(ushort sequence, TimeSpan limit)
    {
        int from = Received.Count;
        (IwxRxPacketHeader, byte[])? found = null;
        Scheduler.RunUntil(() =>
        {
            for (int i = from; i < Received.Count; i++)
                if (Received[i].Header.Sequence == sequence && !Received[i].Header.IsNotification) { found = Received[i]; return true; }
            return false;
        }, limit);
        return found;
    }

    public uint Status32(IwxCommandId id, ReadOnlySpan<byte> payload)
    {
        var r = Command(id, payload);
        Assert.NotNull(r);
        Assert.Equal(id, r.Value.Header.Id);
        return BinaryPrimitives.ReadUInt32LittleEndian(r.Value.Payload);
    }

    public static byte[] Bytes(Func<byte[], bool> write, int size)
    {
        var b = new byte[size];
        Assert.True(write(b));
        return b;
    }

    /// <summary>PHY context on a 2.4 GHz channel, a BSS_STA MAC context for <see cref="DeviceAddress"/>, and the binding.</summary>
    public void SetUpStation(byte channel, MacAddress bssid = default, bool assoc = false, ushort beaconInterval = 100)
    {
        byte band = channel > 14 ? IwxPhyContextCmd.Band5 : IwxPhyContextCmd.Band24;
        Assert.Equal(0u, Status32(IwxCommandId.PhyContext, Bytes(b => new IwxPhyContextCmd
            { Action = IwxContextAction.Add, Band = band, Channel = channel, TxChains = 1, RxChains = 3 }.TryWrite(b), IwxPhyContextCmd.Size)));
        Assert.Equal(0u, Status32(IwxCommandId.MacContext, Bytes(b => new IwxMacContextCmd
        {
            Action = IwxContextAction.Add, MacType = IwxMacContextCmd.MacTypeBssSta, NodeAddress = DeviceAddress, Bssid = bssid,
            FilterFlags = IwxMacFilterFlags.AcceptGroup, IsAssoc = assoc ? 1u : 0u, BeaconInterval = beaconInterval,
        }.TryWrite(b), IwxMacContextCmd.Size)));
        Assert.Equal(0u, Status32(IwxCommandId.BindingContext, Bytes(b => new IwxBindingContextCmd
            { Action = IwxContextAction.Add, Mac0 = 0, Mac1 = IwxBindingContextCmd.MacNone, Mac2 = IwxBindingContextCmd.MacNone, Phy = 0 }.TryWrite(b), IwxBindingContextCmd.Size)));
    }

    /// <summary>Station entry <paramref name="staId"/> for <paramref name="peer"/> and a data queue for it; returns the queue.</summary>
    public DataQueue AddStationAndQueue(MacAddress peer, byte staId = 0, byte tid = 0)
    {
        Assert.Equal(IwxAddStaCmd.Success, Status32(IwxCommandId.AddSta, Bytes(b => new IwxAddStaCmd
            { AddModify = IwxAddStaCmd.ActionAdd, Address = peer, StaId = staId }.TryWrite(b), IwxAddStaCmd.Size)));
        var ring = Dma.AllocateCoherent((1 << DataSizeLog2) * IwxTfd.Size, "tx ring");
        var r = Command(IwxCommandId.ScdQueueCfg, Bytes(b => new IwxScdQueueCfgCmd
            { StaId = staId, Tid = tid, Flags = IwxScdQueueCfgCmd.FlagEnable, CbSize = DataSizeLog2, TfdQueueAddress = ring.Iova }.TryWrite(b), IwxScdQueueCfgCmd.Size));
        Assert.NotNull(r);
        Assert.True(IwxScdQueueCfgResponse.TryRead(r.Value.Payload, out var cfg));
        return new DataQueue(this, cfg.QueueNumber, ring);
    }

    /// <summary>A data ring the host fills with TX commands, the frame mapped for streaming DMA in TB1.</summary>
    internal sealed class DataQueue(IwxHost host, int qid, DmaBuffer ring)
    {
        public int Qid { get; } = qid;
        public int Write { get; private set; }
        public List<DmaMapping> Mapped { get; } = [];

        public ushort Send(byte[] frame, IwxTxCmdFlags flags = IwxTxCmdFlags.None, byte rate = 0, int retries = 0, bool push = true)
        {
            int index = Write;
            var head = host.Dma.AllocateCoherent(IwxCommandHeader.Size + IwxTxCmd.Size, "tx cmd");
            IwxCommandHeader.For(IwxCommandId.TxCmd, Qid, index, IwxTxCmd.Size + frame.Length, cookie: 0x11).TryWrite(head.Span);
            new IwxTxCmd
            {
                Length = (ushort)frame.Length,
                Flags = IwxTxCmd.MakeFlags(flags, retries),
                RateNFlags = rate == 0 ? 0 : RateNFlags.FromRate(rate).Value,
            }.TryWrite(head.Span[IwxCommandHeader.Size..]);
            var body = host.Dma.MapStreaming(frame, DmaDirection.ToDevice, "tx frame");
            Mapped.Add(body);
            IwxTfd.Write(ring.Span.Slice(index * IwxTfd.Size, IwxTfd.Size),
                [new IwxTb(head.Iova, (ushort)head.Length), new IwxTb(body.Iova, (ushort)frame.Length)]);
            Write = (Write + 1) % (1 << DataSizeLog2);
            if (push) host.Csr.Write32(IwxCsr.HbusTargWrptr, IwxCsr.WritePointer(Qid, Write));
            return IwxCommandHeader.MakeSequence(Qid, index);
        }
    }

    /// <summary>Puts every harvested buffer back on the free ring and writes the restock index.</summary>
    public void Restock()
    {
        foreach (int rbid in _harvested)
        {
            IwxRxBufferDescriptors.WriteFreeBd(FreeRing!.Span, _freeWrite, IwxRxBufferDescriptors.MakeFreeBd(_rxBuffers[rbid - 1].Iova, rbid));
            _freeWrite = (_freeWrite + 1) % RxSize;
        }
        _harvested.Clear();
        Csr.Write32(IwxCsr.RfhQFrbdcbWidxTrg(0), (uint)_freeWrite);
    }

    /// <summary>The SRAM dword at <paramref name="address"/> through HBUS_TARG_MEM, as the driver reads the error table.</summary>
    public uint[] ReadSram(uint address, int dwords)
    {
        Csr.Write32(IwxCsr.HbusTargMemRaddr, address);
        var values = new uint[dwords];
        for (int i = 0; i < dwords; i++) values[i] = Csr.Read32(IwxCsr.HbusTargMemRdat);
        return values;
    }

    /// <summary>The ISR and its deferred handler in one: read and ack causes, harvest RX, restock, unmask.</summary>
    private void Isr(int vector)
    {
        Interrupts++;
        uint fh = Csr.Read32(IwxMsix.FhIntCausesAd);
        uint hw = Csr.Read32(IwxMsix.HwIntCausesAd);
        Csr.Write32(IwxMsix.FhIntCausesAd, fh);
        Csr.Write32(IwxMsix.HwIntCausesAd, hw);
        FhCausesSeen |= fh;
        HwCausesSeen |= hw;
        if ((fh & IwxMsix.FhCauseQ0) != 0 && Status is not null)
        {
            Assert.True(IwxRbStatus.TryRead(Status.Span, out var status));
            int closed = status.ClosedRbNum & IwxRbStatus.ClosedRbNumMask;
            while (_usedRead != closed)
            {
                int rbid = IwxRxBufferDescriptors.ReadUsedBd(UsedRing!.Span, _usedRead);
                var buffer = _rxBuffers[rbid - 1].Span;
                Assert.True(IwxRxPacketHeader.TryRead(buffer, out var header));
                var payload = buffer.Slice(IwxRxPacketHeader.Size, header.PayloadLength).ToArray();
                Received.Add((header, payload));
                if (header.Id == IwxCommandId.Alive && IwxAliveNotification.TryRead(payload, out var alive)) Alive = alive;
                _harvested.Add(rbid);
                _usedRead = (_usedRead + 1) % RxSize;
            }
            if (AutoRestock) Restock();
        }
        Csr.Write32(IwxMsix.AutomaskStAd, 1u << vector);
    }

    public IEnumerable<(IwxRxPacketHeader Header, byte[] Payload)> Notifications(IwxCommandId id)
        => Received.Where(r => r.Header.Id == id);
}

/// <summary>A plain radio on the air for the device to talk to: records what it hears, ACKs its address,
/// optionally answers probe requests.</summary>
internal sealed class AirPeer : IMediumClient
{
    private readonly PacketPool _pool;

    public AirPeer(IwxHost host, string name, MacAddress address, int frequencyMhz, Position position = default)
    {
        _pool = host.Pool;
        Address = address;
        Port = host.Medium.Attach(name, this, position);
        Port.FrequencyMhz = frequencyMhz;
    }

    public MacAddress Address { get; }
    public MediumPort Port { get; }
    public List<byte[]> Heard { get; } = [];
    public List<AirTxResult> Results { get; } = [];
    /// <summary>SSID of the probe responses this peer sends; null = it does not answer.</summary>
    public byte[]? AnswerProbesWith { get; set; }

    public bool AcksFor(MacAddress receiverAddress) => receiverAddress == Address;

    public void OnReceive(Packet frame, in AirRxInfo info)
    {
        var bytes = frame.Data.ToArray();
        frame.Free();
        Heard.Add(bytes);
        if (AnswerProbesWith is { } ssid && bytes.Length >= 24 && bytes[0] == 0x40)
            Send(Frames.ProbeResponse(Address, MacAddress.Read(bytes.AsSpan(10)), ssid));
    }

    public void OnTxDone(Packet frame, in AirTxResult result)
    {
        Results.Add(result);
        frame.Free();
    }

    public void Send(byte[] frame, byte rate = 12) => Assert.True(Port.TryEnqueue(_pool.Rent(frame), new TxDescriptor(RateChain.Single(rate, 4))));
}

/// <summary>Frames the tests put on the air.</summary>
internal static class Frames
{
    public static byte[] Data(MacAddress to, MacAddress from, MacAddress bssid, ReadOnlySpan<byte> body, bool protect = false, ushort seq = 0x10)
    {
        var f = new byte[24 + body.Length];
        f[0] = 0x08;
        f[1] = protect ? (byte)0x40 : (byte)0;
        to.WriteTo(f.AsSpan(4));
        from.WriteTo(f.AsSpan(10));
        bssid.WriteTo(f.AsSpan(16));
        BinaryPrimitives.WriteUInt16LittleEndian(f.AsSpan(22), seq);
        body.CopyTo(f.AsSpan(24));
        return f;
    }

    /// <summary>A data frame with a CCMP header (PN, key id) in front of <paramref name="plaintext"/>, Protected set.</summary>
    public static byte[] ProtectedData(MacAddress to, MacAddress from, MacAddress bssid, ulong pn, int keyId, ReadOnlySpan<byte> plaintext)
    {
        var body = new byte[8 + plaintext.Length];
        body[0] = (byte)pn;
        body[1] = (byte)(pn >> 8);
        body[3] = (byte)(0x20 | keyId << 6);
        for (int i = 0; i < 4; i++) body[4 + i] = (byte)(pn >> (16 + 8 * i));
        plaintext.CopyTo(body.AsSpan(8));
        return Data(to, from, bssid, body, protect: true);
    }

    public static byte[] Beacon(MacAddress bssid, ReadOnlySpan<byte> ssid)
    {
        var f = new byte[24 + 12 + 2 + ssid.Length];
        f[0] = 0x80;
        MacAddress.Broadcast.WriteTo(f.AsSpan(4));
        bssid.WriteTo(f.AsSpan(10));
        bssid.WriteTo(f.AsSpan(16));
        BinaryPrimitives.WriteUInt16LittleEndian(f.AsSpan(24 + 8), 100);
        f[36] = 0;
        f[37] = (byte)ssid.Length;
        ssid.CopyTo(f.AsSpan(38));
        return f;
    }

    public static byte[] ProbeResponse(MacAddress bssid, MacAddress to, ReadOnlySpan<byte> ssid)
    {
        var f = Beacon(bssid, ssid);
        f[0] = 0x50;
        to.WriteTo(f.AsSpan(4));
        return f;
    }

    public static byte[] ProbeRequestTemplate(MacAddress from)
    {
        // Header, an empty SSID element, supported rates 1/2/5.5/11.
        byte[] ies = [0, 0, 1, 4, 0x82, 0x84, 0x8b, 0x96];
        var f = new byte[24 + ies.Length];
        f[0] = 0x40;
        MacAddress.Broadcast.WriteTo(f.AsSpan(4));
        from.WriteTo(f.AsSpan(10));
        MacAddress.Broadcast.WriteTo(f.AsSpan(16));
        ies.CopyTo(f, 24);
        return f;
    }
}

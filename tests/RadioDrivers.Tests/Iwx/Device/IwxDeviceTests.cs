using System.Buffers.Binary;
using Net80211;
using Net80211.RadioDrivers.Iwx.Device;
using Net80211.RadioDrivers.Iwx.Hardware;
using Net80211.RadioDrivers.Pci;

namespace RadioDrivers.Tests.Iwx.Device;

public sealed class IwxDeviceTests
{
    private static readonly MacAddress Ap = MacAddress.Parse("00:0b:86:aa:bb:cc");

    [Theory]
    [InlineData(IwxDeviceModel.AX200, 0x2723, 0x0084, 0x340u)]
    [InlineData(IwxDeviceModel.AX210, 0x2725, 0x0024, 0x420u)]
    public void IdentityConfigSpaceAndOtp(IwxDeviceModel model, int deviceId, int subsystem, uint hwRev)
    {
        var host = new IwxHost(model);
        Assert.Equal(IwxPciIds.VendorIntel, host.Handle.VendorId);
        Assert.Equal(deviceId, host.Handle.DeviceId);
        Assert.Equal(subsystem, host.Handle.SubsystemId);
        Assert.Equal(IwxPciIds.ClassCode, host.Handle.ReadConfig32(PciConfigSpace.RevisionId) >> 8);
        Assert.Equal(16, host.Handle.MsixVectorCount);
        Assert.Equal(IwxPciIds.CsrBarSize, host.Csr.Size);
        Assert.Equal(hwRev, host.Csr.Read32(IwxCsr.HwRev));
        Assert.Equal(IwxHost.DeviceAddress, IwxCsr.MacAddressFromOtp(host.Csr.Read32(IwxCsr.MacAddr0Otp), host.Csr.Read32(IwxCsr.MacAddr1Otp)));
        Assert.NotEqual(0u, host.Csr.Read32(IwxCsr.GpCntrl) & IwxCsr.GpCntrlHwRfKillSw);
        Assert.Equal(0, host.Device.FrequencyMhz);   // powered down on the air
    }

    [Fact]
    public void ResetAndMacClock()
    {
        var host = new IwxHost();
        Assert.True(host.ResetAndClock());
        // SW_RESET takes GP_CNTRL back to 0 and self-clears.
        host.Csr.Write32(IwxCsr.Reset, IwxCsr.ResetSwReset);
        Assert.Equal(0u, host.Csr.Read32(IwxCsr.Reset));
        Assert.Equal(0u, host.Csr.Read32(IwxCsr.GpCntrl) & (IwxCsr.GpCntrlMacClockReady | IwxCsr.GpCntrlInitDone));
        // STOP_MASTER reports MASTER_DISABLED.
        host.Csr.Write32(IwxCsr.Reset, IwxCsr.ResetStopMaster);
        Assert.Equal(IwxCsr.ResetMasterDisabled, host.Csr.Read32(IwxCsr.Reset));
        Assert.True(host.ResetAndClock());
        Assert.Equal(0u, host.Csr.Read32(IwxCsr.Reset));
    }

    [Fact]
    public void BootSaysAliveAfter20Milliseconds()
    {
        var host = new IwxHost();
        var start = host.Scheduler.Now;
        Assert.True(host.Boot());
        var took = host.Scheduler.Now - start;
        Assert.InRange(took, TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(21));
        Assert.NotEqual(0u, host.HwCausesSeen & IwxMsix.HwCauseAlive);
        Assert.Equal(77u, host.Alive!.Value.UmacMajor);
        Assert.True(host.Device.FirmwareRunning);
        Assert.Equal(1, host.Device.Boots);
        var alive = host.Received[0].Header;
        Assert.Equal(IwxCommandId.Alive, alive.Id);
        Assert.True(alive.IsNotification);
    }

    [Fact]
    public void BadSignatureNeverSaysAlive()
    {
        var host = new IwxHost();
        Assert.False(host.Boot(IwxFirmwareImages.Corrupt(IwxFirmwareImages.Build(IwxDeviceModel.AX200))));
        Assert.Equal(1, host.Device.SignatureFailures);
        Assert.Equal(1, host.Device.BootFailures);
        Assert.Contains("signature", host.Device.LastBootError, StringComparison.Ordinal);
        Assert.Empty(host.Received);
        Assert.False(host.Device.FirmwareRunning);
    }

    [Fact]
    public void InjectedBootFailureAndBadContextInfo()
    {
        var host = new IwxHost();
        host.Device.Faults.FailBoot = true;
        Assert.False(host.Boot());
        Assert.Equal("boot failure injected", host.Device.LastBootError);

        host = new IwxHost();
        Assert.False(host.Boot(tamper: info => info with { Version = 9 }));
        Assert.Contains("version", host.Device.LastBootError, StringComparison.Ordinal);

        // A section pointing outside every mapping: an IOMMU fault, FH_ERR, no ALIVE.
        host = new IwxHost();
        Assert.False(host.Boot(tamper: info => info with { Sections = [.. info.Sections.Take(1), info.Sections[1] with { Iova = 0x7_0000_0000 }] }));
        Assert.Equal(1, host.Device.DmaErrors);
        Assert.NotEqual(0u, host.FhCausesSeen & IwxMsix.FhCauseFhErr);
        Assert.Single(host.Device.DmaFaults);
    }

    [Fact]
    public void NvmGetInfo()
    {
        var host = new IwxHost();
        Assert.True(host.Boot());
        Assert.Equal(0u, host.Status32(IwxCommandId.InitExtendedCfg, BitConverter.GetBytes(IwxU32Command.InitFlagNvm)));
        var r = host.Command(IwxCommandId.NvmGetInfo, new byte[4]);
        Assert.NotNull(r);
        Assert.Equal(IwxCommandId.NvmGetInfo, r.Value.Header.Id);
        Assert.True(IwxNvmGetInfoResponse.TryRead(r.Value.Payload, out var nvm));
        Assert.Equal(1, nvm.NHwAddrs);
        Assert.Equal(51, nvm.ChannelProfiles.Count);
        Assert.True(nvm.MacSkuFlags.HasFlag(IwxNvmSkuFlags.Band24Enabled | IwxNvmSkuFlags.Band52Enabled));
        Assert.Equal(3u, nvm.TxChains);
        Assert.Equal(IwxNvmChannelFlags.Active, nvm.ChannelProfiles[0] & IwxNvmChannelFlags.Active);   // channel 1
        Assert.Equal(IwxNvmChannelFlags.None, nvm.ChannelProfiles[13] & IwxNvmChannelFlags.Valid);   // channel 14
        Assert.Equal(IwxNvmChannelFlags.Radar, nvm.ChannelProfiles[IwxNvmChannels.IndexOf(52)] & (IwxNvmChannelFlags.Radar | IwxNvmChannelFlags.Active));
        Assert.Equal(0u, host.Status32(IwxCommandId.NvmAccessComplete, new byte[4]));
        Assert.Equal(3, host.Device.CommandsProcessed);
    }

    [Fact]
    public void UnknownCommandGetsReplyErrorWithItsSequenceAndCookie()
    {
        var host = new IwxHost();
        Assert.True(host.Boot());
        ushort seq = host.PostCommand(new IwxCommandId(3, 0x77), new byte[4], out byte cookie);
        var r = host.WaitFor(seq, TimeSpan.FromMilliseconds(10));
        Assert.NotNull(r);
        Assert.Equal(IwxCommandId.ReplyError, r.Value.Header.Id);
        Assert.Equal(cookie, r.Value.Header.Cookie);
        Assert.True(IwxErrorResponse.TryRead(r.Value.Payload, out var err));
        Assert.Equal(IwxErrorResponse.UnknownCommand, err.ErrorType);
        Assert.Equal(0x77, err.CmdId);
        // A data frame on the command queue is refused the same way.
        r = host.Command(IwxCommandId.TxCmd, new byte[IwxTxCmd.Size + 24]);
        Assert.Equal(IwxCommandId.ReplyError, r!.Value.Header.Id);
        Assert.Equal(2, host.Device.ReplyErrors);
    }

    [Fact]
    public void CommandsTakeAbout20Microseconds()
    {
        var host = new IwxHost();
        Assert.True(host.Boot());
        var start = host.Scheduler.Now;
        Assert.NotNull(host.Command(IwxCommandId.TxAntConfiguration, BitConverter.GetBytes(3u)));
        Assert.Equal(TimeSpan.FromMicroseconds(20), host.Scheduler.Now - start);
    }

    [Fact]
    public void MalformedTfdsAndWritePointersAreCountedNotThrown()
    {
        var host = new IwxHost();
        Assert.True(host.Boot());
        var seq = host.PostRawTfd([], 0);
        Assert.Equal(IwxCommandId.ReplyError, host.WaitFor(seq, TimeSpan.FromMilliseconds(1))!.Value.Header.Id);
        seq = host.PostRawTfd([], 31);
        Assert.Equal(IwxCommandId.ReplyError, host.WaitFor(seq, TimeSpan.FromMilliseconds(1))!.Value.Header.Id);
        Assert.Equal(2, host.Device.BadTfds);
        host.Csr.Write32(IwxCsr.HbusTargWrptr, IwxCsr.WritePointer(7, 1));     // no such queue
        host.Csr.Write32(IwxCsr.HbusTargWrptr, IwxCsr.WritePointer(0, 40));    // beyond the 32-entry ring
        Assert.Equal(2, host.Device.BadWritePointers);
        // Still answering.
        Assert.Equal(0u, host.Status32(IwxCommandId.TxAntConfiguration, BitConverter.GetBytes(1u)));
    }

    [Fact]
    public void TbBeyondItsMappingIsADmaFault()
    {
        var host = new IwxHost();
        Assert.True(host.Boot());
        var small = host.Dma.AllocateCoherent(16, "small");
        var header = IwxCommandHeader.For(IwxCommandId.TxAntConfiguration, 0, 0, 4);
        header.TryWrite(small.Span);
        host.PostRawTfd([new IwxTb(small.Iova, 5000)], 1);
        host.Run(TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, host.Device.DmaErrors);
        Assert.NotEqual(0u, host.FhCausesSeen & IwxMsix.FhCauseFhErr);
        Assert.Equal(IwxCsr.ResetMasterDisabled, host.Csr.Read32(IwxCsr.Reset));
    }

    [Fact]
    public void TxOfAFrameOntoTheAirWithATxResponse()
    {
        var host = new IwxHost();
        var peer = new AirPeer(host, "ap", Ap, 2437, new(5, 0));
        Assert.True(host.Boot());
        host.SetUpStation(6, Ap);
        Assert.Equal(2437, host.Device.FrequencyMhz);
        var queue = host.AddStationAndQueue(Ap);
        Assert.Equal(1, queue.Qid);

        var frame = Frames.Data(Ap, IwxHost.DeviceAddress, Ap, "hello, air"u8, seq: 0x120);
        ushort seq = queue.Send(frame, IwxTxCmdFlags.CmdRate, rate: 24, retries: 3);
        host.Run(TimeSpan.FromMilliseconds(5));

        Assert.Single(peer.Heard);
        Assert.Equal(frame, peer.Heard[0]);
        var rsp = Assert.Single(host.Notifications(IwxCommandId.TxCmd));
        Assert.Equal(seq, rsp.Header.Sequence);
        Assert.False(rsp.Header.IsNotification);
        Assert.True(IwxTxResponse.TryRead(rsp.Payload, out var tx));
        Assert.Equal(IwxTxStatus.Success, tx.Status);
        Assert.Equal(0, tx.FailureFrame);
        Assert.Equal(24, new RateNFlags(tx.InitialRate).Rate);
        Assert.Equal(1u, tx.Ssn);
        Assert.Equal(1, tx.TxQueue);
        Assert.Equal(0x120, tx.SeqCtl);
        Assert.Equal(1, host.Device.TxFrames);
        Assert.Equal(0, host.Pool.Outstanding);
    }

    [Fact]
    public void TxWithoutAnAckReportsRetriesAndFailure()
    {
        var host = new IwxHost();
        Assert.True(host.Boot());
        host.SetUpStation(1);
        var queue = host.AddStationAndQueue(Ap);
        queue.Send(Frames.Data(Ap, IwxHost.DeviceAddress, Ap, new byte[100]), IwxTxCmdFlags.CmdRate, rate: 12, retries: 5);
        host.Run(TimeSpan.FromMilliseconds(50));
        Assert.True(IwxTxResponse.TryRead(Assert.Single(host.Notifications(IwxCommandId.TxCmd)).Payload, out var tx));
        Assert.Equal(IwxTxStatus.FailShortLimit, tx.Status);
        Assert.Equal(5, tx.FailureFrame);

        // Firmware rate selection: 8 tries down the rate ladder, ending at the lowest rate.
        queue.Send(Frames.Data(Ap, IwxHost.DeviceAddress, Ap, new byte[100]));
        host.Run(TimeSpan.FromMilliseconds(100));
        Assert.True(IwxTxResponse.TryRead(host.Notifications(IwxCommandId.TxCmd).Last().Payload, out tx));
        Assert.Equal(7, tx.FailureFrame);
        Assert.Equal(2, new RateNFlags(tx.InitialRate).Rate);
        Assert.Equal(2u, tx.Ssn);
    }

    [Fact]
    public void RxDeliveryOverrunAndRecoveryAfterRestock()
    {
        var host = new IwxHost();
        var peer = new AirPeer(host, "ap", Ap, 2412, new(3, 0));
        Assert.True(host.Boot());
        host.SetUpStation(1, Ap);
        int before = host.Received.Count;
        peer.Send(Frames.Data(IwxHost.DeviceAddress, Ap, Ap, "payload"u8));
        host.Run(TimeSpan.FromMilliseconds(2));
        var mpdu = Assert.Single(host.Received.Skip(before));
        Assert.Equal(IwxCommandId.RxMpdu, mpdu.Header.Id);
        Assert.True(mpdu.Header.IsNotification);
        Assert.True(IwxRxMpduDesc.TryRead(mpdu.Payload, out var desc));
        Assert.Equal(1, desc.Channel);
        Assert.Equal(12, new RateNFlags(desc.RateNFlags).Rate);
        Assert.InRange(desc.SignalDbm, -80, -20);
        Assert.True(desc.CrcOk);
        Assert.Equal(24 + 7, desc.MpduLength);
        Assert.Equal("payload"u8.ToArray(), mpdu.Payload[(IwxRxMpduDesc.Size + 24)..]);

        // Frames to someone else are filtered (every retry of it: nobody ACKs).
        int mpdus = host.Notifications(IwxCommandId.RxMpdu).Count();
        peer.Send(Frames.Data(MacAddress.Parse("02:00:00:00:00:99"), Ap, Ap, "x"u8));
        host.Run(TimeSpan.FromMilliseconds(20));
        Assert.Equal(4, host.Device.RxFiltered);
        Assert.Equal(mpdus, host.Notifications(IwxCommandId.RxMpdu).Count());

        // Stop restocking: the 15 stocked buffers fill up, the rest overrun.
        host.AutoRestock = false;
        host.Restock();
        long stocked = host.Device.RxDelivered;
        for (int i = 0; i < 20; i++) peer.Send(Frames.Data(IwxHost.DeviceAddress, Ap, Ap, new byte[50], seq: (ushort)(i << 4)));
        host.Run(TimeSpan.FromMilliseconds(20));
        Assert.Equal(stocked + IwxHost.RxSize - 1, host.Device.RxDelivered);
        Assert.Equal(20 - (IwxHost.RxSize - 1), host.Device.RxOverruns);

        host.Restock();
        long delivered = host.Device.RxDelivered;
        peer.Send(Frames.Data(IwxHost.DeviceAddress, Ap, Ap, "again"u8));
        host.Run(TimeSpan.FromMilliseconds(2));
        Assert.Equal(delivered + 1, host.Device.RxDelivered);
        Assert.Equal(IwxCommandId.RxMpdu, host.Received[^1].Header.Id);
    }

    [Fact]
    public void DmaToUnmappedRaisesFhErrAndStopsDma()
    {
        var host = new IwxHost();
        var peer = new AirPeer(host, "ap", Ap, 2412, new(3, 0));
        Assert.True(host.Boot());
        host.SetUpStation(1, Ap);
        host.Device.Faults.DmaToUnmapped();
        peer.Send(Frames.Data(IwxHost.DeviceAddress, Ap, Ap, "payload"u8));
        host.Run(TimeSpan.FromMilliseconds(2));
        Assert.NotEqual(0u, host.FhCausesSeen & IwxMsix.FhCauseFhErr);
        Assert.Equal(1, host.Device.DmaErrors);
        Assert.Equal(1, host.Device.Faults.InjectedDmaFaults);
        var fault = Assert.Single(host.Device.DmaFaults);
        Assert.True(fault.Write);
        Assert.Equal(IwxCsr.ResetMasterDisabled, host.Csr.Read32(IwxCsr.Reset));
        // Stopped until reset: commands are no longer answered; a reset and boot bring it back.
        Assert.Null(host.Command(IwxCommandId.TxAntConfiguration, new byte[4], TimeSpan.FromMilliseconds(5)));
        Assert.True(host.ResetAndClock());
        Assert.Equal(0u, host.Csr.Read32(IwxCsr.Reset));
    }

    [Fact]
    public void SysAssertRaisesSwErrAndLeavesTheErrorTableInSram()
    {
        var host = new IwxHost();
        Assert.True(host.Boot());
        ushort seq = host.PostCommand(IwxCommandId.DebugHostCommand, BitConverter.GetBytes(IwxU32Command.DebugSysAssert), out _);
        Assert.Null(host.WaitFor(seq, TimeSpan.FromMilliseconds(5)));
        Assert.NotEqual(0u, host.HwCausesSeen & IwxMsix.HwCauseSwErr);
        Assert.True(host.Device.FirmwareAsserted);
        Assert.Equal(1, host.Device.Asserts);

        var words = host.ReadSram(host.Alive!.Value.LmacErrorTable, IwxErrorTable.Dwords);
        var bytes = new byte[IwxErrorTable.Size];
        for (int i = 0; i < words.Length; i++) BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4 * i), words[i]);
        Assert.True(IwxErrorTable.TryRead(bytes, out var table));
        Assert.Equal(1u, table.Valid);
        Assert.Equal("SYSASSERT", IwxErrorTable.ErrorName(table.ErrorId));
        Assert.Equal(1u, table.Data1);

        // Silent until reset; a reload brings it back.
        Assert.Null(host.Command(IwxCommandId.TxAntConfiguration, new byte[4], TimeSpan.FromMilliseconds(5)));
        Assert.Equal(0, host.Device.FrequencyMhz);
    }

    [Fact]
    public void InjectedAssertUnderTraffic()
    {
        var host = new IwxHost();
        var peer = new AirPeer(host, "ap", Ap, 2412, new(3, 0));
        Assert.True(host.Boot());
        host.SetUpStation(1, Ap);
        var queue = host.AddStationAndQueue(Ap);
        for (int i = 0; i < 20; i++) queue.Send(Frames.Data(Ap, IwxHost.DeviceAddress, Ap, new byte[1000], seq: (ushort)(i << 4)));
        host.Run(TimeSpan.FromMilliseconds(1));
        host.Device.Faults.Assert();
        long responses = host.Device.TxResponses;
        host.Run(TimeSpan.FromMilliseconds(50));
        Assert.Equal(responses, host.Device.TxResponses);      // nothing more after the assert
        Assert.True(host.Device.FirmwareAsserted);
        Assert.NotEqual(0u, host.HwCausesSeen & IwxMsix.HwCauseSwErr);
        Assert.Equal(2u, host.ReadSram(host.Alive!.Value.LmacErrorTable + 0x1c, 1)[0]);
        // Recovery: reset and reload.
        Assert.True(host.Boot());
        Assert.Equal(0u, host.Status32(IwxCommandId.TxAntConfiguration, new byte[4]));
    }

    [Fact]
    public void DelayedAndCorruptedResponses()
    {
        var host = new IwxHost();
        Assert.True(host.Boot());
        host.Device.Faults.DelayResponse(IwxCommandId.NvmGetInfo, TimeSpan.FromSeconds(2));
        ushort late = host.PostCommand(IwxCommandId.NvmGetInfo, new byte[4], out _);
        Assert.Null(host.WaitFor(late, TimeSpan.FromSeconds(1)));
        // Later commands are answered meanwhile.
        Assert.Equal(0u, host.Status32(IwxCommandId.TxAntConfiguration, new byte[4]));
        Assert.NotNull(host.WaitFor(late, TimeSpan.FromSeconds(2)));
        Assert.Equal(1, host.Device.Faults.DelayedResponses);

        host.Device.Faults.CorruptNextResponse(IwxCommandId.PhyConfiguration);
        ushort seq = host.PostCommand(IwxCommandId.PhyConfiguration, new byte[12], out byte cookie);
        var r = host.WaitFor(seq, TimeSpan.FromMilliseconds(5));
        Assert.NotEqual(cookie, r!.Value.Header.Cookie);
        Assert.Equal(IwxCommandId.PhyConfiguration, r.Value.Header.Id);

        host.Device.Faults.CorruptNextResponse(IwxCommandId.PhyConfiguration, IwxResponseCorruption.WrongOpcode);
        seq = host.PostCommand(IwxCommandId.PhyConfiguration, new byte[12], out cookie);
        r = host.WaitFor(seq, TimeSpan.FromMilliseconds(5));
        Assert.Equal(cookie, r!.Value.Header.Cookie);
        Assert.NotEqual(IwxCommandId.PhyConfiguration, r.Value.Header.Id);
    }

    [Fact]
    public void StalledQueueSendsNothingUntilFlushed()
    {
        var host = new IwxHost();
        var peer = new AirPeer(host, "ap", Ap, 2412, new(3, 0));
        Assert.True(host.Boot());
        host.SetUpStation(1, Ap);
        var queue = host.AddStationAndQueue(Ap);
        host.Device.Faults.StallTxQueue(queue.Qid);
        queue.Send(Frames.Data(Ap, IwxHost.DeviceAddress, Ap, new byte[10]));
        queue.Send(Frames.Data(Ap, IwxHost.DeviceAddress, Ap, new byte[10]));
        host.Run(TimeSpan.FromMilliseconds(100));
        Assert.Empty(host.Notifications(IwxCommandId.TxCmd));
        Assert.Empty(peer.Heard);
        // Commands still work; TXPATH_FLUSH answers every pending frame FAIL_FLUSHED before its status.
        var r = host.Command(IwxCommandId.TxPathFlush, IwxHost.Bytes(b => new IwxTxPathFlushCmd { QueuesCtl = 1u << queue.Qid }.TryWrite(b), IwxTxPathFlushCmd.Size));
        Assert.Equal(0u, BinaryPrimitives.ReadUInt32LittleEndian(r!.Value.Payload));
        var flushed = host.Notifications(IwxCommandId.TxCmd).Select(n => IwxTxResponse.TryRead(n.Payload, out var t) ? t : default).ToArray();
        Assert.Equal(2, flushed.Length);
        Assert.All(flushed, t => Assert.Equal(IwxTxStatus.FailFlushed, t.Status));
        Assert.Equal(2u, flushed[^1].Ssn);
    }

    [Fact]
    public void MultipleDataQueuesAndRemoval()
    {
        var host = new IwxHost();
        Assert.True(host.Boot());
        host.SetUpStation(1);
        var q1 = host.AddStationAndQueue(Ap, staId: 0, tid: 0);
        var q2 = host.AddStationAndQueue(MacAddress.Parse("02:00:00:00:00:42"), staId: 1, tid: 0);
        Assert.Equal(2, q2.Qid);
        var r = host.Command(IwxCommandId.ScdQueueCfg, IwxHost.Bytes(b => new IwxScdQueueCfgCmd { TfdQueueAddress = (ulong)q1.Qid }.TryWrite(b), IwxScdQueueCfgCmd.Size));
        Assert.Equal(0u, BinaryPrimitives.ReadUInt32LittleEndian(r!.Value.Payload));
        host.Csr.Write32(IwxCsr.HbusTargWrptr, IwxCsr.WritePointer(q1.Qid, 1));
        Assert.Equal(1, host.Device.BadWritePointers);
    }

    [Fact]
    public void ScanProbesEachChannelDwellsAndCompletes()
    {
        var host = new IwxHost();
        var ap = new AirPeer(host, "ap", Ap, 2437, new(4, 0)) { AnswerProbesWith = "lab"u8.ToArray() };
        Assert.True(host.Boot());
        var request = new IwxScanReqUmac
        {
            Uid = 9, ActiveDwellMs = 30, PassiveDwellMs = 110,
            Channels = [new(1, 0, 0), new(6, 0, 0), new(11, 0, 0), new(52, 1, 0)],
            Ssids = ["lab"u8.ToArray()],
            ProbeTemplate = Frames.ProbeRequestTemplate(IwxHost.DeviceAddress),
        };
        var start = host.Scheduler.Now;
        var buffer = new byte[request.Size];
        Assert.True(request.TryWrite(buffer));
        Assert.Equal(0u, host.Status32(IwxCommandId.ScanReqUmac, buffer));
        host.Scheduler.RunUntil(() => host.Notifications(IwxCommandId.ScanCompleteUmac).Any(), TimeSpan.FromSeconds(1));

        var done = Assert.Single(host.Notifications(IwxCommandId.ScanCompleteUmac));
        Assert.True(IwxScanCompleteNotification.TryRead(done.Payload, out var complete));
        Assert.Equal(9u, complete.Uid);
        Assert.Equal(IwxScanCompleteNotification.StatusDone, complete.Status);
        // Three active channels of 30 ms and channel 52 (radar: passive) of 110 ms.
        Assert.InRange(host.Scheduler.Now - start, TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(201));
        Assert.Equal(3, host.Device.ProbesSent);
        var probe = Assert.Single(ap.Heard);
        Assert.Equal(0x40, probe[0]);
        Assert.Equal([0, 3, (byte)'l', (byte)'a', (byte)'b'], probe[24..29]);
        var heard = host.Notifications(IwxCommandId.RxMpdu).Select(n => n.Payload[IwxRxMpduDesc.Size..]).ToArray();
        Assert.Contains(heard, f => f[0] == 0x50 && MacAddress.Read(f.AsSpan(16)) == Ap);
        Assert.Equal(0, host.Device.FrequencyMhz);   // back to the (absent) PHY context's channel
    }

    [Fact]
    public void ScanAbort()
    {
        var host = new IwxHost();
        Assert.True(host.Boot());
        var request = new IwxScanReqUmac
        {
            Uid = 3, ActiveDwellMs = 30, PassiveDwellMs = 110, Channels = [new(1, 0, 1), new(6, 0, 1)],
            Ssids = [], ProbeTemplate = Frames.ProbeRequestTemplate(IwxHost.DeviceAddress),
        };
        var buffer = new byte[request.Size];
        request.TryWrite(buffer);
        Assert.Equal(0u, host.Status32(IwxCommandId.ScanReqUmac, buffer));
        Assert.Equal(2412, host.Device.FrequencyMhz);
        Assert.Equal(0u, host.Status32(IwxCommandId.ScanAbortUmac, BitConverter.GetBytes(3u)));
        host.Run(TimeSpan.FromMilliseconds(1));
        Assert.True(IwxScanCompleteNotification.TryRead(Assert.Single(host.Notifications(IwxCommandId.ScanCompleteUmac)).Payload, out var c));
        Assert.Equal(IwxScanCompleteNotification.StatusAborted, c.Status);
        Assert.Equal(0, host.Device.ProbesSent);
    }

    [Fact]
    public void MissedBeaconsAfterEightIntervals()
    {
        var host = new IwxHost();
        var ap = new AirPeer(host, "ap", Ap, 2412, new(3, 0));
        Assert.True(host.Boot());
        host.SetUpStation(1, Ap, assoc: true, beaconInterval: 100);
        for (int i = 0; i < 3; i++)
        {
            ap.Send(Frames.Beacon(Ap, "lab"u8), rate: 2);
            host.Run(TimeSpan.FromMilliseconds(102.4));
        }
        Assert.Empty(host.Notifications(IwxCommandId.MissedBeacons));
        Assert.Equal(3, host.Notifications(IwxCommandId.RxMpdu).Count());   // the BSSID's beacons go up
        host.Run(TimeSpan.FromMilliseconds(102.4 * 8 + 1));
        var n = Assert.Single(host.Notifications(IwxCommandId.MissedBeacons));
        Assert.True(IwxMissedBeaconsNotification.TryRead(n.Payload, out var missed));
        Assert.Equal(8u, missed.ConsecutiveMissed);
        Assert.Equal(3u, missed.NumReceivedBeacons);
        host.Run(TimeSpan.FromMilliseconds(102.4 * 8));
        Assert.Equal(2, host.Notifications(IwxCommandId.MissedBeacons).Count());
        // Another BSS's beacons are not passed up while associated.
        ap.Send(Frames.Beacon(MacAddress.Parse("00:0b:86:00:00:01"), "other"u8), rate: 2);
        host.Run(TimeSpan.FromMilliseconds(5));
        Assert.Equal(3, host.Notifications(IwxCommandId.RxMpdu).Count());
    }

    [Fact]
    public void HardwareCcmpEncryptsTxAndDecryptsRx()
    {
        var tk = Convert.FromHexString("c97c1f67ce371185514a8a19f2bdd52f");
        var host = new IwxHost();
        var ap = new AirPeer(host, "ap", Ap, 2412, new(3, 0));
        Assert.True(host.Boot());
        host.SetUpStation(1, Ap);
        var queue = host.AddStationAndQueue(Ap);
        Assert.Equal(IwxAddStaKeyCmd.Success, host.Status32(IwxCommandId.AddStaKey, IwxHost.Bytes(b => new IwxAddStaKeyCmd
            { StaId = 0, KeyFlags = IwxKeyFlags.Make(IwxKeyFlags.CipherCcm, 0, multicast: false), Key = tk }.TryWrite(b), IwxAddStaKeyCmd.Size)));

        // TX: the stack's CCMP header stays, the body is encrypted and the MIC appended.
        var plain = Frames.ProtectedData(Ap, IwxHost.DeviceAddress, Ap, pn: 7, keyId: 0, "secret body"u8);
        queue.Send(plain);
        host.Run(TimeSpan.FromMilliseconds(5));
        var onAir = Assert.Single(ap.Heard);
        Assert.Equal(plain.Length + 8, onAir.Length);
        Assert.Equal(plain[..32], onAir[..32]);
        Assert.NotEqual(plain[32..], onAir[32..^8]);
        using (var ccmp = new IwxCcmp(tk))
        {
            Assert.True(ccmp.TryDecrypt(onAir, out int len));
            Assert.Equal(plain, onAir[..len]);
        }
        Assert.Equal(1, host.Device.TxEncrypted);

        // RX: decrypted by the firmware, MIC stripped, CCMP header and Protected bit kept.
        var incoming = Frames.ProtectedData(IwxHost.DeviceAddress, Ap, Ap, pn: 0x0102_0304_0506, keyId: 0, "from the ap"u8);
        var encrypted = new byte[incoming.Length + 8];
        incoming.CopyTo(encrypted, 0);
        using (var ccmp = new IwxCcmp(tk)) Assert.True(ccmp.TryEncrypt(encrypted.AsSpan(0, incoming.Length), encrypted.AsSpan(incoming.Length)));
        ap.Send(encrypted);
        host.Run(TimeSpan.FromMilliseconds(2));
        var mpdu = host.Notifications(IwxCommandId.RxMpdu).Last();
        Assert.True(IwxRxMpduDesc.TryRead(mpdu.Payload, out var desc));
        Assert.True(desc.Decrypted);
        Assert.Equal(IwxRxMpduStatus.SecCcm, desc.Security);
        Assert.Equal(0x0102_0304_0506ul, desc.Pn);
        Assert.Equal(incoming, mpdu.Payload[IwxRxMpduDesc.Size..]);

        // A bad MIC: still encrypted, SEC = CCM, not DECRYPTED.
        encrypted[^1] ^= 1;
        ap.Send(encrypted);
        host.Run(TimeSpan.FromMilliseconds(2));
        Assert.True(IwxRxMpduDesc.TryRead(host.Notifications(IwxCommandId.RxMpdu).Last().Payload, out desc));
        Assert.False(desc.Decrypted);
        Assert.Equal(IwxRxMpduStatus.SecCcm, desc.Security);
        Assert.Equal(1, host.Device.RxMicFailures);

        // Protected without a key for the receiver: not sent.
        queue.Send(Frames.ProtectedData(MacAddress.Parse("02:00:00:00:00:55"), IwxHost.DeviceAddress, Ap, 8, 0, "x"u8));
        host.Run(TimeSpan.FromMilliseconds(5));
        Assert.True(IwxTxResponse.TryRead(host.Notifications(IwxCommandId.TxCmd).Last().Payload, out var tx));
        Assert.Equal(IwxTxStatus.FailNoKey, tx.Status);
    }

    [Fact]
    public void InterruptMaskingAndAutomask()
    {
        var host = new IwxHost();
        Assert.True(host.Boot());
        int interrupts = host.Interrupts;
        // Masked cause: latched, no message.
        host.Csr.Write32(IwxMsix.HwIntMaskAd, uint.MaxValue);
        host.Device.Faults.Assert();
        host.Run(TimeSpan.FromMilliseconds(1));
        Assert.Equal(interrupts, host.Interrupts);
        Assert.NotEqual(0u, host.Csr.Read32(IwxMsix.HwIntCausesAd) & IwxMsix.HwCauseSwErr);
        // Unmasking delivers the latched cause.
        host.Csr.Write32(IwxMsix.HwIntMaskAd, ~IwxMsix.HwCauseSwErr);
        host.Run(TimeSpan.FromMilliseconds(1));
        Assert.Equal(interrupts + 1, host.Interrupts);
        Assert.Equal(0u, host.Csr.Read32(IwxMsix.AutomaskStAd));
        // IVAR bytes read back.
        host.Csr.Write32(IwxMsix.IvarAdReg + 24, 0x0300_0000);
        Assert.Equal(0x0300_0000u, host.Csr.Read32(IwxMsix.IvarAdReg + 24));
    }

    [Fact]
    public void AcksOnlyForTheMacContextWhileRunning()
    {
        var host = new IwxHost();
        var ap = new AirPeer(host, "ap", Ap, 2412, new(3, 0));
        Assert.True(host.Boot());
        host.SetUpStation(1, Ap);
        ap.Send(Frames.Data(IwxHost.DeviceAddress, Ap, Ap, "ack me"u8));
        host.Run(TimeSpan.FromMilliseconds(5));
        Assert.Equal(Net80211.RadioDrivers.Air.AirTxStatus.Acked, Assert.Single(ap.Results).Status);
        host.Csr.Write32(IwxCsr.Reset, IwxCsr.ResetSwReset);
        Assert.Equal(0, host.Device.FrequencyMhz);
        ap.Send(Frames.Data(IwxHost.DeviceAddress, Ap, Ap, "anyone?"u8));
        host.Run(TimeSpan.FromMilliseconds(20));
        Assert.Equal(Net80211.RadioDrivers.Air.AirTxStatus.NotAcked, ap.Results[^1].Status);
        Assert.Equal(0, host.Pool.Outstanding);
    }
}

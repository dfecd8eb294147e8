using Net80211;
using Net80211.RadioDrivers.Iwx.Hardware;

namespace RadioDrivers.Tests.Iwx.Device;

public sealed class HardwareCodecTests
{
    private delegate bool Reader<T>(ReadOnlySpan<byte> source, out T value);
    private delegate bool Writer<T>(T value, Span<byte> destination);

    private static readonly MacAddress A = MacAddress.Parse("02:11:22:33:44:55");
    private static readonly MacAddress B = MacAddress.Parse("00:1b:2c:3d:4e:5f");

    /// <summary>Writes, reads back, compares; then checks one byte short fails both ways.</summary>
    private static T RoundTrip<T>(T value, int size, Reader<T> read, Writer<T> write, bool compare = true)
    {
        var buffer = new byte[size];
        Assert.True(write(value, buffer));
        Assert.True(read(buffer, out var back));
        if (compare) Assert.Equal(value, back);
        Assert.False(write(value, new byte[size - 1]));
        Assert.False(read(buffer.AsSpan(0, size - 1), out _));
        return back;
    }

    [Fact]
    public void CommandHeader()
    {
        var h = IwxCommandHeader.For(IwxCommandId.AddSta, queue: 0, index: 17, length: IwxAddStaCmd.Size, cookie: 0xa5, version: 2);
        RoundTrip(h, IwxCommandHeader.Size, IwxCommandHeader.TryRead, static (v, d) => v.TryWrite(d));
        Assert.Equal(IwxCommandId.AddSta, h.Id);
        Assert.Equal(17, h.Index);
        Assert.Equal(0, h.QueueId);
        var bytes = new byte[8];
        h.TryWrite(bytes);
        Assert.Equal(new byte[] { 0x18, 0x00, 17, 0, 0x1d, 0, 0xa5, 2 }, bytes);
    }

    [Fact]
    public void RxPacketHeader()
    {
        var h = IwxRxPacketHeader.For(IwxCommandId.NvmGetInfo, 0x0003, payloadLength: 40, cookie: 0x7e);
        RoundTrip(h, IwxRxPacketHeader.Size, IwxRxPacketHeader.TryRead, static (v, d) => v.TryWrite(d));
        Assert.Equal(44, h.Length);        // hdr + data, as iwlwifi counts
        Assert.Equal(48, h.TotalLength);
        Assert.Equal(40, h.PayloadLength);
        Assert.Equal(0x7e, h.Cookie);
        Assert.False(h.IsNotification);
        Assert.True(IwxRxPacketHeader.For(IwxCommandId.RxMpdu, IwxRxPacketHeader.NotificationSequence, 0).IsNotification);
        Assert.Equal(0x007e_002cu, h.LenNFlags);
    }

    [Fact]
    public void Tfd()
    {
        var tfd = new byte[IwxTfd.Size];
        IwxTfd.Write(tfd, [new IwxTb(0x1_0000_0040, 28), new IwxTb(0x1_0000_3000, 1500)]);
        Assert.Equal(2, IwxTfd.GetNumTbs(tfd));
        Assert.Equal(new IwxTb(0x1_0000_3000, 1500), IwxTfd.GetTb(tfd, 1));
        IwxTfd.SetTb(tfd, 24, 0xdead_beef_0000, 7);
        Assert.Equal(new IwxTb(0xdead_beef_0000, 7), IwxTfd.GetTb(tfd, 24));
        Assert.Equal(0, tfd[0xfc]);
        Assert.True(IwxTfd.TryValidate(tfd, out _));
        tfd[0] = 0;
        Assert.False(IwxTfd.TryValidate(tfd, out _));
        tfd[0] = 26;
        Assert.False(IwxTfd.TryValidate(tfd, out _));
        Assert.False(IwxTfd.TryValidate(new byte[100], out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => IwxTfd.SetTb(new byte[IwxTfd.Size], 25, 0, 0));
    }

    [Fact]
    public void RbStatusAndBufferDescriptors()
    {
        RoundTrip(new IwxRbStatus { ClosedRbNum = 511, ClosedFrNum = 3, FinishedRbNum = 9, FinishedFrNum = 4 }, IwxRbStatus.Size,
            IwxRbStatus.TryRead, static (v, d) => v.TryWrite(d));
        ulong bd = IwxRxBufferDescriptors.MakeFreeBd(0x1_0000_5000, 4095);
        Assert.Equal(0x1_0000_5000ul, IwxRxBufferDescriptors.FreeBdAddress(bd));
        Assert.Equal(4095, IwxRxBufferDescriptors.FreeBdRbid(bd));
        Assert.Throws<ArgumentException>(() => IwxRxBufferDescriptors.MakeFreeBd(0x1_0000_5008, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => IwxRxBufferDescriptors.MakeFreeBd(0x1_0000_5000, 0));
        var ring = new byte[16];
        IwxRxBufferDescriptors.WriteFreeBd(ring, 1, bd);
        Assert.Equal(bd, IwxRxBufferDescriptors.ReadFreeBd(ring, 1));
        IwxRxBufferDescriptors.WriteUsedBd(ring, 2, 77);
        Assert.Equal(77, IwxRxBufferDescriptors.ReadUsedBd(ring, 2));
    }

    [Fact]
    public void ContextInfo()
    {
        var info = new IwxContextInfo
        {
            Version = 1,
            ControlFlags = 9,
            FreeRbdAddress = 0x1_0000_1000,
            UsedRbdAddress = 0x1_0000_2000,
            StatusWritePointer = 0x1_0000_3000,
            CommandQueueAddress = 0x1_0000_4000,
            CommandQueueSizeLog2 = 5,
            Sections = [new(0x1_0001_0000, 40, 0), new(0x1_0002_0000, 32768, 0x404000)],
        };
        var buffer = new byte[info.Size];
        Assert.Equal(0x38 + 32, buffer.Length);
        Assert.True(info.TryWrite(buffer));
        Assert.True(IwxContextInfo.TryRead(buffer, out var back));
        Assert.Equal(info.Sections, back.Sections);
        Assert.Equal(info with { Sections = back.Sections, StructSize = (ushort)buffer.Length }, back);
        Assert.Equal(9, back.RxQueueSizeLog2);
        Assert.False(IwxContextInfo.TryRead(buffer.AsSpan(0, buffer.Length - 1), out _));
        Assert.False(info.TryWrite(new byte[buffer.Length - 1]));
        // A section count beyond the table's 32 entries is refused, not read past.
        buffer[0x30] = 33;
        Assert.False(IwxContextInfo.TryRead(buffer, out _));
    }

    [Fact]
    public void TxCmdAndResponse()
    {
        var cmd = new IwxTxCmd
        {
            Length = 1500,
            Flags = IwxTxCmd.MakeFlags(IwxTxCmdFlags.CmdRate | IwxTxCmdFlags.EncryptDisable, maxRetries: 7),
            PnLow = 0x11223344, PnHigh = 0x5566, AuxInfo = 9,
            RateNFlags = RateNFlags.FromRate(108).Value,
        };
        var back = RoundTrip(cmd, IwxTxCmd.Size, IwxTxCmd.TryRead, static (v, d) => v.TryWrite(d));
        Assert.Equal(7, back.MaxRetries);
        Assert.Equal(IwxTxCmdFlags.CmdRate | IwxTxCmdFlags.EncryptDisable, back.FlagBits);

        var rsp = new IwxTxResponse
        {
            FrameCount = 1, FailureFrame = 3, InitialRate = RateNFlags.FromRate(2).Value, WirelessMediaTime = 300,
            RaTid = IwxTxResponse.MakeRaTid(1, 0), TxQueue = 5, Status = IwxTxStatus.FailShortLimit, SeqCtl = 0x1230, Ssn = 42,
        };
        var r = RoundTrip(rsp, IwxTxResponse.Size, IwxTxResponse.TryRead, static (v, d) => v.TryWrite(d));
        Assert.Equal(1, r.StaId);
        Assert.False(r.IsSuccess);
        Assert.True((rsp with { Status = IwxTxStatus.DirectDone }).IsSuccess);
    }

    [Fact]
    public void RxMpduDesc()
    {
        var d = new IwxRxMpduDesc
        {
            MpduLength = 98, MacFlags1 = 1, MacFlags2 = 2, AmsduInfo = 3, PhyInfo = IwxRxMpduDesc.PhyInfoShortPreamble,
            Status = IwxRxMpduStatus.CrcOk | IwxRxMpduStatus.SecCcm | IwxRxMpduStatus.Decrypted | IwxRxMpduStatus.MicOk,
            EnergyA = 47, EnergyB = 52, Channel = 36, MacContext = 0, RateNFlags = RateNFlags.FromRate(12).Value,
            Gp2OnAirRise = 123456, Pn = 0x0000_b503_9776_e70c, TsfOnAirRise = 0x1_0000_0000,
        };
        var back = RoundTrip(d, IwxRxMpduDesc.Size, IwxRxMpduDesc.TryRead, static (v, dst) => v.TryWrite(dst));
        Assert.Equal(-47, back.SignalDbm);
        Assert.True(back.Decrypted);
        Assert.Equal(IwxRxMpduStatus.SecCcm, back.Security);
    }

    [Fact]
    public void AliveAndSimpleCommands()
    {
        RoundTrip(new IwxAliveNotification
        {
            Status = IwxAliveNotification.StatusOk, Flags = 1, UmacMajor = 77, UmacMinor = 0x206b0ee6,
            LmacErrorTable = 0x80_2000, UmacErrorTable = 0x80_3000, SkuId = 3,
        }, IwxAliveNotification.Size, IwxAliveNotification.TryRead, static (v, d) => v.TryWrite(d));
        RoundTrip(new IwxStatusResponse(1), IwxStatusResponse.Size, IwxStatusResponse.TryRead, static (v, d) => v.TryWrite(d));
        RoundTrip(new IwxU32Command(IwxU32Command.DebugSysAssert), IwxU32Command.Size, IwxU32Command.TryRead, static (v, d) => v.TryWrite(d));
        RoundTrip(new IwxPhyConfigurationCmd(0x1234, 5, 6), IwxPhyConfigurationCmd.Size, IwxPhyConfigurationCmd.TryRead, static (v, d) => v.TryWrite(d));
        RoundTrip(new IwxRemoveStaCmd { StaId = 3 }, IwxRemoveStaCmd.Size, IwxRemoveStaCmd.TryRead, static (v, d) => v.TryWrite(d));
        RoundTrip(new IwxTxPathFlushCmd { QueuesCtl = 0x22, FlushCtl = 1 }, IwxTxPathFlushCmd.Size, IwxTxPathFlushCmd.TryRead, static (v, d) => v.TryWrite(d));
    }

    [Fact]
    public void NvmGetInfoResponse()
    {
        var profiles = new IwxNvmChannelFlags[IwxNvmChannels.Count];
        for (int i = 0; i < profiles.Length; i++) profiles[i] = IwxNvmChannelFlags.Valid | (i < 11 ? IwxNvmChannelFlags.Active : IwxNvmChannelFlags.None);
        var rsp = new IwxNvmGetInfoResponse
        {
            Flags = 0, NvmVersion = 0x0a1d, BoardType = 1, NHwAddrs = 1,
            MacSkuFlags = IwxNvmSkuFlags.Band24Enabled | IwxNvmSkuFlags.Band52Enabled | IwxNvmSkuFlags.Enable11n,
            TxChains = 3, RxChains = 3, LarEnabled = 0, ChannelProfiles = profiles,
        };
        var buffer = new byte[rsp.Size];
        Assert.Equal(0x1c + 102, rsp.Size);
        Assert.True(rsp.TryWrite(buffer));
        Assert.True(IwxNvmGetInfoResponse.TryRead(buffer, out var back));
        Assert.Equal(profiles, back.ChannelProfiles);
        Assert.Equal(rsp with { ChannelProfiles = back.ChannelProfiles }, back);
        Assert.False(IwxNvmGetInfoResponse.TryRead(buffer.AsSpan(0, buffer.Length - 1), out _));
        Assert.False(rsp.TryWrite(new byte[buffer.Length - 1]));
    }

    [Fact]
    public void NvmChannelList()
    {
        var all = IwxNvmChannels.All;
        Assert.Equal(51, all.Length);
        Assert.Equal(1, all[0]);
        Assert.Equal(14, all[13]);
        Assert.Equal(36, all[14]);
        Assert.Equal(144, all[41]);
        Assert.Equal(149, all[42]);
        Assert.Equal(181, all[50]);
        Assert.Equal(14, IwxNvmChannels.IndexOf(36));
        Assert.Equal(-1, IwxNvmChannels.IndexOf(15));
        Assert.Equal(2412, IwxNvmChannels.FrequencyMhz(1, false));
        Assert.Equal(2484, IwxNvmChannels.FrequencyMhz(14, false));
        Assert.Equal(5180, IwxNvmChannels.FrequencyMhz(36, true));
        Assert.Equal(36, IwxNvmChannels.ChannelOf(5180));
        Assert.Equal(14, IwxNvmChannels.ChannelOf(2484));
    }

    [Fact]
    public void ContextCommands()
    {
        RoundTrip(new IwxPhyContextCmd
        {
            IdAndColor = 0x0001_0000, Action = IwxContextAction.Add, Band = IwxPhyContextCmd.Band5, Channel = 36,
            Width = 0, CtrlPos = 0, TxChains = 1, RxChains = 3,
        }, IwxPhyContextCmd.Size, IwxPhyContextCmd.TryRead, static (v, d) => v.TryWrite(d));
        RoundTrip(new IwxMacContextCmd
        {
            IdAndColor = 0, Action = IwxContextAction.Modify, MacType = IwxMacContextCmd.MacTypeBssSta, TsfId = 0,
            NodeAddress = A, Bssid = B, FilterFlags = IwxMacFilterFlags.AcceptGroup | IwxMacFilterFlags.InBeacon,
            IsAssoc = 1, AssocId = 0x1234 & 0x3fff, BeaconInterval = 100, DtimInterval = 300,
        }, IwxMacContextCmd.Size, IwxMacContextCmd.TryRead, static (v, d) => v.TryWrite(d));
        RoundTrip(new IwxBindingContextCmd
        {
            IdAndColor = 0, Action = IwxContextAction.Add, Mac0 = 0, Mac1 = IwxBindingContextCmd.MacNone,
            Mac2 = IwxBindingContextCmd.MacNone, Phy = 0,
        }, IwxBindingContextCmd.Size, IwxBindingContextCmd.TryRead, static (v, d) => v.TryWrite(d));
    }

    [Fact]
    public void StationCommands()
    {
        RoundTrip(new IwxAddStaCmd
        {
            AddModify = IwxAddStaCmd.ActionAdd, AwakeAcs = 0xf, TidDisableTx = 0xffff, MacIdNColor = 0, Address = B,
            StaId = 0, ModifyMask = 0, StationFlags = 0x10, StationFlagsMask = 0x30, StationType = IwxAddStaCmd.StationTypeLink,
        }, IwxAddStaCmd.Size, IwxAddStaCmd.TryRead, static (v, d) => v.TryWrite(d));

        var key = Convert.FromHexString("c97c1f67ce371185514a8a19f2bdd52f");
        var cmd = new IwxAddStaKeyCmd
        {
            StaId = 0, KeyOffset = 1, KeyFlags = IwxKeyFlags.Make(IwxKeyFlags.CipherCcm, keyId: 2, multicast: true),
            Key = key, RxSecureSequenceCounter = new byte[] { 1, 2, 3 }, TransmitSequenceCounter = 99,
        };
        var back = RoundTrip(cmd, IwxAddStaKeyCmd.Size, IwxAddStaKeyCmd.TryRead, static (v, d) => v.TryWrite(d), compare: false);
        Assert.Equal(key, back.Key[..16].ToArray());
        Assert.All(back.Key[16..].ToArray(), b => Assert.Equal(0, b));
        Assert.Equal(new byte[] { 1, 2, 3 }, back.RxSecureSequenceCounter[..3].ToArray());
        Assert.Equal(99ul, back.TransmitSequenceCounter);
        Assert.Equal(2, back.KeyId);
        Assert.True(back.IsMulticast);
        Assert.False(back.IsInvalid);
        Assert.Equal(IwxKeyFlags.CipherCcm, back.Cipher);
        Assert.False((cmd with { Key = new byte[33] }).TryWrite(new byte[IwxAddStaKeyCmd.Size]));
    }

    [Fact]
    public void QueueCommands()
    {
        var cfg = RoundTrip(new IwxScdQueueCfgCmd
        {
            StaId = 0, Tid = 8, Flags = IwxScdQueueCfgCmd.FlagEnable, CbSize = 8, ByteCountAddress = 0, TfdQueueAddress = 0x1_0000_8000,
        }, IwxScdQueueCfgCmd.Size, IwxScdQueueCfgCmd.TryRead, static (v, d) => v.TryWrite(d));
        Assert.True(cfg.Enable);
        RoundTrip(new IwxScdQueueCfgResponse { QueueNumber = 1, Flags = 0, WritePointer = 0 }, IwxScdQueueCfgResponse.Size,
            IwxScdQueueCfgResponse.TryRead, static (v, d) => v.TryWrite(d));
    }

    [Fact]
    public void ScanConfig()
    {
        var cfg = new IwxScanCfgCmd { Flags = 1, TxChains = 1, RxChains = 3, LegacyRates = 0xfff, MacAddress = A, Channels = new byte[] { 1, 6, 11, 36 } };
        var back = RoundTrip(cfg, cfg.Size, IwxScanCfgCmd.TryRead, static (v, d) => v.TryWrite(d), compare: false);
        Assert.Equal(new byte[] { 1, 6, 11, 36 }, back.Channels.ToArray());
        Assert.Equal(cfg with { Channels = back.Channels }, back);
    }

    [Fact]
    public void ScanRequest()
    {
        var probe = new byte[] { 0x40, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 2, 0x11, 0x22, 0x33, 0x44, 0x55, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0 };
        var req = new IwxScanReqUmac
        {
            Uid = 7, Flags = 0, ActiveDwellMs = 30, PassiveDwellMs = 110,
            Channels = [new(1, 0, 0), new(36, 1, IwxScanChannel.FlagPassive)],
            Ssids = [new byte[] { (byte)'l', (byte)'a', (byte)'b' }, new byte[32]],
            ProbeTemplate = probe,
            ProbeTemplate5Ghz = probe[..24],
        };
        Assert.Equal(20 + 8 + 66 + probe.Length + 24, req.Size);
        var back = RoundTrip(req, req.Size, IwxScanReqUmac.TryRead, static (v, d) => v.TryWrite(d), compare: false);
        Assert.Equal(req.Channels, back.Channels);
        Assert.True(back.Channels[1].IsPassive);
        Assert.Equal("lab"u8.ToArray(), back.Ssids[0].ToArray());
        Assert.Equal(32, back.Ssids[1].Length);
        Assert.Equal(probe, back.ProbeTemplate.ToArray());
        Assert.Equal(probe[..24], back.ProbeTemplate5Ghz.ToArray());
        Assert.Equal(probe[..24], back.ProbeTemplateFor(1).ToArray());
        Assert.Equal(probe, back.ProbeTemplateFor(0).ToArray());
        Assert.Equal(probe, (req with { ProbeTemplate5Ghz = default }).ProbeTemplateFor(1).ToArray());   // one for both
        Assert.Equal((7u, (ushort)30, (ushort)110), (back.Uid, back.ActiveDwellMs, back.PassiveDwellMs));

        // An SSID length beyond 32 is malformed.
        var buffer = new byte[req.Size];
        req.TryWrite(buffer);
        buffer[IwxScanReqUmac.FixedSize + 8] = 33;
        Assert.False(IwxScanReqUmac.TryRead(buffer, out _));
        Assert.False((req with { Ssids = [new byte[33]] }).TryWrite(new byte[200]));
    }

    [Fact]
    public void Notifications()
    {
        RoundTrip(new IwxScanCompleteNotification { Uid = 7, LastSchedule = 1, LastIter = 1, Status = IwxScanCompleteNotification.StatusAborted, EbsStatus = 0, TimeFromLastIter = 55 },
            IwxScanCompleteNotification.Size, IwxScanCompleteNotification.TryRead, static (v, d) => v.TryWrite(d));
        RoundTrip(new IwxMissedBeaconsNotification { MacId = 0, ConsecutiveMissedSinceLastRx = 8, ConsecutiveMissed = 8, NumExpectedBeacons = 8, NumReceivedBeacons = 0 },
            IwxMissedBeaconsNotification.Size, IwxMissedBeaconsNotification.TryRead, static (v, d) => v.TryWrite(d));
        RoundTrip(new IwxErrorTable { Valid = 1, ErrorId = IwxErrorTable.SysAssert, TrmHwStatus0 = 2, TrmHwStatus1 = 3, Blink2 = 4, Ilink1 = 5, Ilink2 = 6, Data1 = 7 },
            IwxErrorTable.Size, IwxErrorTable.TryRead, static (v, d) => v.TryWrite(d));
        Assert.Equal("SYSASSERT", IwxErrorTable.ErrorName(0x35));
        Assert.Equal("NMI_INTERRUPT_UNKNOWN", IwxErrorTable.ErrorName(0x1234));
    }

    [Fact]
    public void CommandIdsAndRegisters()
    {
        Assert.Equal("SCAN_REQ_UMAC", IwxCommandId.ScanReqUmac.Name);
        Assert.Equal("REPLY_ERROR", IwxCommandId.ReplyError.Name);
        Assert.Equal("UNKNOWN_3_77", new IwxCommandId(3, 0x77).Name);
        Assert.Equal(new IwxCommandId(0xc, 0x02), IwxCommandId.NvmGetInfo);
        Assert.Equal(0x05c44u | 3u << 24, IwxCsr.PrphAddress(IwxPrph.UregCpuInitRun));
        Assert.Equal(0x0005_0010u, IwxCsr.WritePointer(5, 16));
        Assert.Equal(0x1c84, IwxCsr.RfhQFrbdcbWidxTrg(1));
        var (a0, a1) = IwxCsr.MacAddressOtp(A);
        Assert.Equal(0x02112233u, a0);
        Assert.Equal(0x4455u, a1);
        Assert.Equal(A, IwxCsr.MacAddressFromOtp(a0, a1));
        Assert.True(IwxPciIds.TryGetModel(0x2725, out var model));
        Assert.Equal(IwxDeviceModel.AX210, model);
        Assert.False(IwxPciIds.TryGetModel(0x24fd, out _));
        Assert.Equal("iwlwifi-cc-a0-77.ucode", IwxPciIds.FirmwareName(IwxDeviceModel.AX200));
        Assert.Equal(0x420u, IwxPciIds.HwRev(IwxDeviceModel.AX210));
        Assert.Equal(0x0084, IwxPciIds.SubsystemId(IwxDeviceModel.AX200));
    }
}

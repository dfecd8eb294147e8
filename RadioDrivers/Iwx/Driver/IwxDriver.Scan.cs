using Net80211.Channels;
using Net80211.Frames;
using Net80211.Radio;
using Net80211.RadioDrivers.Iwx.Hardware;
using Net80211.Scan;

namespace Net80211.RadioDrivers.Iwx;

// Scan offload (iwx_umac_scan): the stack's engine hands the whole sweep to the firmware with one
// SCAN_REQ_UMAC; beacons and probe responses come up as RX MPDUs (filed under the channel they were heard
// on); SCAN_COMPLETE_UMAC ends it with OffloadScanDone. ScanEnd from the engine means "stop": SCAN_ABORT_UMAC.
public sealed partial class IwxDriver
{
    private uint _scanUid;
    private bool _scanRunning;

    public long ScansRequested { get; private set; }
    public long ScansCompleted { get; private set; }
    public long ScansAborted { get; private set; }

    public void ScanStart(Ieee80211Com ic)
    {
        ArgumentNullException.ThrowIfNull(ic);
        var request = ic.Scanner.CurrentRequest;
        if (request is null) return;
        var channels = ic.Scanner.Channels.ToArray();
        uint uid = ++_scanUid;
        _scanRunning = true;
        ScansRequested++;
        RunOp("scan", () => ScanAsync(uid, request, channels));
    }

    private async IwxFlow ScanAsync(uint uid, ScanRequest request, Ieee80211Channel[] channels)
    {
        if (!_scanRunning || uid != _scanUid) return;   // cancelled before it was sent
        if (!_up)
        {
            ReportScanDone(uid, aborted: true);
            return;
        }
        var payload = BuildScanRequest(uid, request, channels);
        var r = await Send(IwxCommandId.ScanReqUmac, payload);
        if (!r.Succeeded())
        {
            Log("SCAN_REQ_UMAC failed: " + r);
            ReportScanDone(uid, aborted: true);
        }
    }

    private byte[] BuildScanRequest(uint uid, ScanRequest request, Ieee80211Channel[] channels)
    {
        var list = new List<IwxScanChannel>();
        foreach (var c in channels)
        {
            if (list.Exists(e => e.Channel == c.Ieee)) continue;
            bool passive = !request.Active || ScanChannels.IsPassive(c);
            list.Add(new IwxScanChannel((byte)c.Ieee, c.Is5Ghz ? IwxPhyContextCmd.Band5 : IwxPhyContextCmd.Band24,
                passive ? IwxScanChannel.FlagPassive : (byte)0));
        }
        var ssids = new List<ReadOnlyMemory<byte>>();
        foreach (var s in request.Ssids)
            if (ssids.Count < IwxScanReqUmac.MaxSsids && s.Length <= IwxScanReqUmac.MaxSsidLength) ssids.Add(s);
        var cmd = new IwxScanReqUmac
        {
            Uid = uid,
            Flags = request.Active ? 0 : IwxScanReqUmac.FlagPassive,
            ActiveDwellMs = (ushort)Math.Clamp(Math.Max(request.MinDwell.TotalMilliseconds, 30), 1, request.MaxDwell.TotalMilliseconds),
            PassiveDwellMs = (ushort)Math.Clamp(request.MaxDwell.TotalMilliseconds, 1, ushort.MaxValue),
            Channels = list,
            Ssids = ssids,
            ProbeTemplate = ProbeTemplate(Rates2Ghz),
            ProbeTemplate5Ghz = ProbeTemplate(Rates5Ghz),
        };
        var b = new byte[cmd.Size];
        cmd.TryWrite(b);
        return b;
    }

    // What iwx_fill_probe_req puts in each band's part: CCK and OFDM rates on 2.4 GHz (eight in Supported
    // Rates, the rest in Extended Supported Rates), OFDM only on 5 GHz. In 500 kb/s units; 0x80 = basic.
    private static readonly byte[] Rates2Ghz = [0x82, 0x84, 0x8b, 0x96, 0x0c, 0x12, 0x18, 0x24, 0x30, 0x48, 0x60, 0x6c];
    private static readonly byte[] Rates5Ghz = [0x8c, 0x12, 0x98, 0x24, 0xb0, 0x48, 0x60, 0x6c];

    /// <summary>A wildcard probe request from our address with one band's rates; the firmware puts each SSID
    /// into it.</summary>
    private byte[] ProbeTemplate(ReadOnlySpan<byte> rates)
    {
        Span<byte> frame = stackalloc byte[FrameHeader.ThreeAddressLength + 3 * InformationElement.HeaderLength + rates.Length]; // SSID, rates, extended rates
        FrameHeader.Management(ManagementSubtype.ProbeRequest, MacAddress.Broadcast, Ic.MacAddress, MacAddress.Broadcast)
            .TryWrite(frame, out int n);
        new SsidElement([]).TryWrite(frame[n..], out int w);   // wildcard
        n += w;
        SupportedRatesElement.TryWriteRateSet(frame[n..], rates, out w);
        return frame[..(n + w)].ToArray();
    }

    public void ScanEnd(Ieee80211Com ic)
    {
        if (!_scanRunning) return;
        _scanRunning = false;
        ScansAborted++;
        uint uid = _scanUid;
        RunOp("scan abort", async () =>
        {
            if (!_up) return;
            var r = await Command(IwxCommandId.ScanAbortUmac, new IwxU32Command(uid));
            if (!r.Succeeded()) Log("SCAN_ABORT_UMAC failed: " + r);
        });
    }

    private void HandleScanComplete(ReadOnlySpan<byte> payload)
    {
        if (!IwxScanCompleteNotification.TryRead(payload, out var done))
        {
            RxMalformed++;
            return;
        }
        uint uid = done.Uid;
        bool aborted = done.Status == IwxScanCompleteNotification.StatusAborted;
        DispatchCompletion(() => ReportScanDone(uid, aborted));
    }

    private void ReportScanDone(uint uid, bool aborted)
    {
        if (!_scanRunning || uid != _scanUid) return;   // an abort we asked for, or an old scan
        _scanRunning = false;
        ScansCompleted++;
        Ic.Scanner.OffloadScanDone(aborted);
    }

    /// <summary>The device is being reset under a running scan: tell the engine it is over.</summary>
    private void AbortOffloadedScan()
    {
        if (!_scanRunning) return;
        _scanRunning = false;
        ScansAborted++;
        Ic.Scanner.OffloadScanDone(aborted: true);
    }
}

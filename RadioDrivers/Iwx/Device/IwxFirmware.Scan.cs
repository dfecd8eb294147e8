using System.Buffers.Binary;
using Net80211.Frames;
using Net80211.RadioDrivers.Air;
using Net80211.RadioDrivers.Iwx.Hardware;
using Net80211.Scheduling;

namespace Net80211.RadioDrivers.Iwx.Device;

/// <summary>
/// The UMAC scan (docs/iwx-hardware.md §6.2): visit the channels in order, probe on active ones (one probe
/// per SSID from the host's template, or a wildcard), listen for the dwell time in virtual time, pass
/// beacons and probe responses up, then SCAN_COMPLETE_UMAC and back to the PHY context's channel.
/// </summary>
internal sealed partial class IwxFirmware
{
    private const int ProbeHeaderLength = FrameHeader.ThreeAddressLength;

    private readonly Callout _dwell;
    private IwxScanReqUmac _scan;
    private bool _scanning;
    private int _scanIndex;
    private int _scanFrequency;
    private ushort _probeSequence;

    private void ResetScan()
    {
        _dwell.Stop();
        _scanning = false;
        _scanFrequency = 0;
        _scan = default;
    }

    private bool HandleScanRequest(in IwxCommandHeader h, ReadOnlySpan<byte> payload)
    {
        if (!IwxScanReqUmac.TryRead(payload, out var request)) return false;
        if (_scanning || request.Channels.Count == 0 || request.Ssids.Count > IwxScanReqUmac.MaxSsids)
            return RespondStatus(h, IwxStatusResponse.Invalid);
        RespondStatus(h, IwxStatusResponse.Ok);
        _scan = request;
        _scanning = true;
        _scanIndex = -1;
        NextScanChannel();
        return true;
    }

    private bool HandleScanAbort(in IwxCommandHeader h, ReadOnlySpan<byte> payload)
    {
        if (!IwxU32Command.TryRead(payload, out var uid)) return false;
        bool running = _scanning && _scan.Uid == uid.Value;
        RespondStatus(h, running ? IwxStatusResponse.Ok : IwxStatusResponse.Invalid);
        if (running) FinishScan(IwxScanCompleteNotification.StatusAborted);
        return true;
    }

    private void NextScanChannel()
    {
        while (++_scanIndex < _scan.Channels.Count)
        {
            var channel = _scan.Channels[_scanIndex];
            var profile = IwxNvmChannels.IndexOf(channel.Channel) >= 0 ? ChannelProfile(channel.Channel) : IwxNvmChannelFlags.None;
            bool is5 = channel.Band == IwxPhyContextCmd.Band5;
            if ((profile & IwxNvmChannelFlags.Valid) == 0 || IwxNvmChannels.Is5Ghz(channel.Channel) != is5) continue;  // not a channel we may use

            _scanFrequency = IwxNvmChannels.FrequencyMhz(channel.Channel, is5);
            UpdateTuning();
            bool active = !_scan.IsPassive && !channel.IsPassive && (profile & IwxNvmChannelFlags.Active) != 0;
            if (active) SendProbes(channel.Band);
            int dwell = active ? _scan.ActiveDwellMs : _scan.PassiveDwellMs;
            _dwell.Reset(TimeSpan.FromMilliseconds(Math.Max(1, dwell)), static s => ((IwxFirmware)s!).OnDwellEnd(), this);
            return;
        }
        FinishScan(IwxScanCompleteNotification.StatusDone);
    }

    private void OnDwellEnd()
    {
        lock (_device.SyncRoot)
        {
            if (_scanning && IsRunning) NextScanChannel();
        }
    }

    private void FinishScan(byte status)
    {
        _dwell.Stop();
        _scanning = false;
        _scanFrequency = 0;
        UpdateTuning();
        _device.ScansCompleted++;
        Span<byte> b = stackalloc byte[IwxScanCompleteNotification.Size];
        new IwxScanCompleteNotification
        {
            Uid = _scan.Uid,
            LastSchedule = 1,
            LastIter = 1,
            Status = status,
        }.TryWrite(b);
        Notify(IwxCommandId.ScanCompleteUmac, b);
    }

    private void SendProbes(byte band)
    {
        var template = _scan.ProbeTemplateFor(band).Span;
        if (template.Length < ProbeHeaderLength) return;
        if (_scan.Ssids.Count == 0) SendProbe(template, []);
        else foreach (var ssid in _scan.Ssids) SendProbe(template, ssid.Span);
    }

    /// <summary>The template with its SSID element replaced (or inserted after the header) and a fresh sequence number.</summary>
    private void SendProbe(ReadOnlySpan<byte> template, ReadOnlySpan<byte> ssid)
    {
        var ies = template[ProbeHeaderLength..];
        int ssidAt = -1, ssidLength = 0;
        for (int at = 0; at + 2 <= ies.Length && at + 2 + ies[at + 1] <= ies.Length; at += 2 + ies[at + 1])
        {
            if (ies[at] != (byte)ElementId.Ssid) continue;
            ssidAt = at;
            ssidLength = 2 + ies[at + 1];
            break;
        }
        int length = ProbeHeaderLength + 2 + ssid.Length + ies.Length - ssidLength;
        var packet = _device.Pool.Rent(length);
        var frame = packet.Append(length);
        template[..ProbeHeaderLength].CopyTo(frame);
        BinaryPrimitives.WriteUInt16LittleEndian(frame[22..], (ushort)(_probeSequence++ << 4));
        int w = ProbeHeaderLength;
        if (ssidAt > 0)
        {
            ies[..ssidAt].CopyTo(frame[w..]);
            w += ssidAt;
        }
        frame[w++] = (byte)ElementId.Ssid;
        frame[w++] = (byte)ssid.Length;
        ssid.CopyTo(frame[w..]);
        w += ssid.Length;
        var rest = ssidAt >= 0 ? ies[(ssidAt + ssidLength)..] : ies;
        rest.CopyTo(frame[w..]);

        if (!_device.Port.TryEnqueue(packet, new TxDescriptor(RateChain.Single(LowestRate), noAck: true)))
        {
            packet.Free();
            return;
        }
        _onAir.Add(new AirFrame { Packet = packet, IsProbe = true, Generation = _generation });
        _device.ProbesSent++;
    }
}

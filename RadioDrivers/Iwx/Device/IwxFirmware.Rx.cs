using System.Buffers.Binary;
using Net80211.Frames;
using Net80211.Packets;
using Net80211.RadioDrivers.Air;
using Net80211.RadioDrivers.Iwx.Hardware;

namespace Net80211.RadioDrivers.Iwx.Device;

/// <summary>
/// Receive (docs/iwx-hardware.md §4 "RX MPDU", §7): the receive filter, CCMP decryption with the hardware keys,
/// and the RX MPDU notification with signal, channel, rate and on-air time.
/// </summary>
internal sealed partial class IwxFirmware
{
    public void OnAirReceive(Packet frame, in AirRxInfo info)
    {
        try
        {
            if (!IsRunning || frame.Length < 10) return;
            var data = frame.Data;
            if (!PassesFilter(data, out var mac))
            {
                _device.RxFiltered++;
                return;
            }
            NoteBeacon(data);
            uint status = IwxRxMpduStatus.CrcOk | IwxRxMpduStatus.OverrunOk;
            ulong pn = 0;
            int length = frame.Length;
            var fc = new FrameControl(BinaryPrimitives.ReadUInt16LittleEndian(data));
            if (fc.Protected && IwxCcmp.TryParseHeader(data, out _, out ulong framePn, out int keyId) && RxKeyFor(data, keyId) is { } key)
            {
                status |= IwxRxMpduStatus.SecCcm;
                if (key.TryDecrypt(data, out length))
                {
                    status |= IwxRxMpduStatus.Decrypted | IwxRxMpduStatus.MicOk;
                    pn = framePn;
                    _device.RxDecrypted++;
                }
                else _device.RxMicFailures++;
            }
            Deliver(data[..length], info, status, pn, mac);
        }
        finally
        {
            frame.Free();
        }
    }

    private void Deliver(ReadOnlySpan<byte> frame, in AirRxInfo info, uint status, ulong pn, MacContext? mac)
    {
        int payload = IwxRxMpduDesc.Size + frame.Length;
        if (IwxRxPacketHeader.Size + payload > IwxRxBufferDescriptors.BufferSize) return;  // larger than an RX buffer: not receivable
        byte energy = (byte)Math.Clamp((int)Math.Round(-info.SignalDbm), 1, 255);
        var desc = new IwxRxMpduDesc
        {
            MpduLength = (ushort)frame.Length,
            PhyInfo = info.ShortPreamble ? IwxRxMpduDesc.PhyInfoShortPreamble : (ushort)0,
            Status = status,
            EnergyA = energy,
            EnergyB = (byte)Math.Min(255, energy + 3),    // the second chain a little weaker
            Channel = (byte)IwxNvmChannels.ChannelOf(info.FrequencyMhz),
            MacContext = (byte)(mac?.Id ?? 0),
            RateNFlags = RateNFlags.TryFromRate(info.Rate, out var r) ? r.Value : 0,
            Gp2OnAirRise = (uint)(info.StartTicks / 10),
            Pn = pn,
            TsfOnAirRise = (ulong)(info.StartTicks / 10),
        };
        var staged = StagePayload(payload);
        desc.TryWrite(staged);
        frame.CopyTo(staged[IwxRxMpduDesc.Size..]);
        _device.RxFrames++;
        _device.NotificationsSent++;
        SendStaged(IwxCommandId.RxMpdu, IwxRxPacketHeader.NotificationSequence, 0, payload);
    }

    /// <summary>§7: a promiscuous listener takes everything; otherwise frames to a MAC context's address and
    /// group addressed frames; beacons and probe responses while scanning, else only the BSSID's (all of
    /// them with IN_BEACON); control frames only with CONTROL.</summary>
    private bool PassesFilter(ReadOnlySpan<byte> frame, out MacContext? match)
    {
        match = ActiveMac;
        foreach (var mac in _macList)
        {
            if (mac.Type == IwxMacContextCmd.MacTypeListener && (mac.Filter & IwxMacFilterFlags.Promisc) != 0)
            {
                match = mac;
                return true;
            }
        }
        var fc = new FrameControl(BinaryPrimitives.ReadUInt16LittleEndian(frame));
        if (fc.IsControl)
        {
            foreach (var mac in _macList)
                if ((mac.Filter & IwxMacFilterFlags.Control) != 0) return true;
            return false;
        }
        if (frame.Length < FrameHeader.ThreeAddressLength) return false;
        var a1 = MacAddress.Read(frame[4..]);
        if (fc.IsManagement && fc.ManagementSubtype is ManagementSubtype.Beacon or ManagementSubtype.ProbeResponse)
        {
            if (_scanning) return true;
            var bssid = MacAddress.Read(frame[16..]);
            foreach (var mac in _macList)
            {
                if ((mac.Filter & IwxMacFilterFlags.InBeacon) != 0 || (!mac.Bssid.IsZero && mac.Bssid == bssid))
                {
                    match = mac;
                    return true;
                }
            }
            // A probe response to us (an active scan of the host's own) still passes on the address.
            return fc.ManagementSubtype == ManagementSubtype.ProbeResponse && AcksForCore(a1);
        }
        if (a1.IsGroup) return _macList.Length > 0;
        foreach (var mac in _macList)
        {
            if (mac.Node == a1)
            {
                match = mac;
                return true;
            }
        }
        return false;
    }
}

using Net80211.Frames;
using Net80211.RadioDrivers.Iwx.Hardware;
using Net80211.Scheduling;

namespace Net80211.RadioDrivers.Iwx.Device;

/// <summary>Beacon loss (docs/iwx-hardware.md §7): while associated the firmware expects a beacon from the
/// BSSID every beacon interval; after 8 missed in a row it sends MISSED_BEACONS_NOTIFICATION, and again
/// after every further 8.</summary>
internal sealed partial class IwxFirmware
{
    public const int MissedBeaconThreshold = 8;
    private static readonly TimeSpan TimeUnit = TimeSpan.FromMicroseconds(1024);

    private readonly Callout _beaconWatch;
    private MacContext? _watched;
    private bool _beaconSeen;
    private uint _missed, _expected, _received;

    private void UpdateBeaconWatch()
    {
        var mac = ActiveMac;
        bool watch = IsRunning && mac is { IsAssoc: true, BeaconInterval: > 0 } && !mac.Bssid.IsZero;
        if (!watch)
        {
            StopBeaconWatch();
            return;
        }
        if (ReferenceEquals(_watched, mac) && _beaconWatch.Pending) return;
        _watched = mac;
        _beaconSeen = false;
        _missed = _expected = _received = 0;
        _beaconWatch.Reset(TimeUnit * mac!.BeaconInterval, static s => ((IwxFirmware)s!).OnBeaconInterval(), this);
    }

    private void StopBeaconWatch()
    {
        _beaconWatch.Stop();
        _watched = null;
    }

    private void NoteBeacon(ReadOnlySpan<byte> frame)
    {
        if (_watched is null || frame.Length < FrameHeader.ThreeAddressLength) return;
        if ((frame[0] & 0xfc) != 0x80) return;  // management, subtype beacon
        if (MacAddress.Read(frame[16..]) != _watched.Bssid) return;
        _beaconSeen = true;
        _received++;
    }

    private void OnBeaconInterval()
    {
        lock (_device.SyncRoot)
        {
            if (_watched is null || !IsRunning) return;
            _expected++;
            if (_beaconSeen) _missed = 0;
            else if (++_missed % MissedBeaconThreshold == 0)
            {
                _device.MissedBeaconNotifications++;
                Span<byte> b = stackalloc byte[IwxMissedBeaconsNotification.Size];
                new IwxMissedBeaconsNotification
                {
                    MacId = _watched.Id,
                    ConsecutiveMissedSinceLastRx = _missed,
                    ConsecutiveMissed = _missed,
                    NumExpectedBeacons = _expected,
                    NumReceivedBeacons = _received,
                }.TryWrite(b);
                Notify(IwxCommandId.MissedBeacons, b);
            }
            _beaconSeen = false;
            _beaconWatch.Reset(TimeUnit * _watched.BeaconInterval, static s => ((IwxFirmware)s!).OnBeaconInterval(), this);
        }
    }
}

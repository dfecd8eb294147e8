using Net80211.Radio;
using Net80211.Scheduling;
using Net80211.StateMachine;
using Net80211.Vaps;

namespace Net80211.RadioDrivers.Hwsim;

/// <summary>
/// The hwsim driver's VAP: the base VAP plus a beacon timer, started when an AP or IBSS VAP reaches RUN and
/// stopped when it leaves it — the driver's newstate override chaining to the stack's, as converted
/// drivers do.
/// </summary>
public sealed class HwsimVap : Ieee80211Vap
{
    private readonly HwsimRadio _radio;
    private Callout? _beaconTimer;

    internal HwsimVap(HwsimRadio radio) => _radio = radio;

    /// <summary>Beacons sent by this VAP.</summary>
    public long BeaconsSent { get; private set; }

    public override int NewState(Ieee80211State next, TransitionReason reason)
    {
        int error = base.NewState(next, reason);
        if (error != 0) return error;
        bool beaconing = next == Ieee80211State.Run && Mode is OpMode.HostAp or OpMode.Ibss
            && (Flags & VapFlags.NoBeacons) == 0;
        if (beaconing)
        {
            _beaconTimer ??= Ic.CreateCallout();
            _beaconTimer.Reset(TimeSpan.Zero, static s => ((HwsimVap)s!).Beacon(), this);
        }
        else _beaconTimer?.Stop();
        return 0;
    }

    private void Beacon()
    {
        if (State != Ieee80211State.Run) return;
        if (OpModeHandler?.BuildBeacon() is { } beacon)
        {
            BeaconsSent++;
            _radio.SendBeacon(this, beacon);
        }
        // Beacon interval is in TU (1024 µs).
        _beaconTimer!.Schedule(TimeSpan.FromTicks(BeaconIntervalTu * 1024L * 10));
    }

    public override void Detach()
    {
        _beaconTimer?.Dispose();
        _beaconTimer = null;
        base.Detach();
    }
}

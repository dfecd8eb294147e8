using Net80211.Radio;
using Net80211.StateMachine;
using Net80211.Vaps;

namespace Net80211.RadioDrivers.Iwx;

/// <summary>
/// The iwx VAP: the base VAP plus the firmware work of each state change (iwx_newstate). The firmware
/// conversation is asynchronous; the stack's transition is not held up by it. Frames the stack sends
/// meanwhile wait in the station's backlog until its firmware queue exists.
/// </summary>
public sealed class IwxVap : Ieee80211Vap
{
    private readonly IwxDriver _driver;

    internal IwxVap(IwxDriver driver) => _driver = driver;

    /// <summary>The BSSID the MAC context is created with when joining (from the BSS chosen in AUTH).</summary>
    public MacAddress ConnectingBssid { get; internal set; }
    /// <summary>BSSID and AID from the association response, taken only while in ASSOC.</summary>
    public MacAddress AssociatedBssid { get; internal set; }
    public ushort AssociatedAid { get; internal set; }

    public override int NewState(Ieee80211State next, TransitionReason reason)
    {
        var from = State;
        if (Mode == OpMode.Monitor)
        {
            int e = base.NewState(next, reason);
            if (e != 0) return e;
            if (next == Ieee80211State.Run && from != Ieee80211State.Run) _driver.StartMonitor(this);
            else if (next == Ieee80211State.Init && from != Ieee80211State.Init) _driver.StopMonitor();
            return 0;
        }

        // Joining: set the station up first so the AUTH frame the stack sends next waits for its queue.
        if (next == Ieee80211State.Auth && (from != Ieee80211State.Auth || Bss?.Bssid != ConnectingBssid))
            _driver.BeginJoin(this);
        int error = base.NewState(next, reason);
        if (error != 0) return error;
        if (next == Ieee80211State.Run && from != Ieee80211State.Run) _driver.Associated(this);
        else if (next is Ieee80211State.Init or Ieee80211State.Scan && from >= Ieee80211State.Auth)
            _driver.Leave(this, scanning: next == Ieee80211State.Scan);
        else if (next == Ieee80211State.Scan && from == Ieee80211State.Init) _driver.StationUp(this);
        else if (next == Ieee80211State.Init && from == Ieee80211State.Scan) _driver.StationDown();
        return 0;
    }
}

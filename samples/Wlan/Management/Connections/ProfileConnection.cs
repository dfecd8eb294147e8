using System.Globalization;
using Net80211.Events;
using Net80211.Nodes;
using Net80211.Scheduling;
using Net80211.StateMachine;
using Net80211.Vap.Station;
using Net80211.Vaps;

namespace Net80211.Wlan.Management.Connections;

/// <summary>
/// One profile connection (<c>wlan connect NAME</c>) on a station VAP, kept up the way wpa_supplicant keeps a
/// network: when the link is lost the daemon rejoins by itself, checking after 1, 2, 4 … at most 30 s, until
/// the link is back or <c>wlan disconnect</c>. Everything here runs on the VAP's radio queue.
/// </summary>
/// <remarks>
/// The station mode already retries on its own (a deauthentication sends it back to AUTH with the same AP, a
/// failed join to SCAN), so a rejoin never interrupts a join in progress: it acts only where the stack has
/// stopped trying — idle between scans (rescan now), or still in RUN after a beacon loss it was told not to
/// act on (<c>roaming manual</c>), or taken down under us. The link is "up" in RUN with the AP's port
/// authorized (open networks: at association; WPA: after the 4-way handshake).
/// </remarks>
internal sealed class ProfileConnection : IDisposable
{
    public static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan MaxRetry = TimeSpan.FromSeconds(30);

    private readonly Callout _timer;
    private TimeSpan _retry = FirstRetry;
    private long _beaconMissesAtJoin;
    private bool _lostInRun;
    private bool _stopped;

    public ProfileConnection(Ieee80211Vap vap, string profile)
    {
        Vap = vap;
        Profile = profile;
        _timer = vap.Ic.CreateCallout();
    }

    public Ieee80211Vap Vap { get; }
    public string Profile { get; }
    public bool LinkUp { get; private set; }
    /// <summary>Rejoins the daemon made since the link was last up.</summary>
    public int Attempts { get; private set; }

    public void Start()
    {
        Raise("connecting", "");
        Evaluate();
        if (!LinkUp) _timer.Reset(_retry, static s => ((ProfileConnection)s!).Retry(), this);
    }

    /// <summary>Something happened on the VAP: is the link up or lost?</summary>
    public void Evaluate()
    {
        if (_stopped) return;
        if (Vap.State != Ieee80211State.Run) _lostInRun = false;
        else if (LinkUp && BeaconMisses > _beaconMissesAtJoin) _lostInRun = true;
        bool up = Vap.State == Ieee80211State.Run && !_lostInRun && AccessPoint is { } ap && (ap.Flags & NodeFlags.Authorized) != 0;
        if (up == LinkUp) return;
        LinkUp = up;
        if (up)
        {
            _timer.Stop();
            _retry = FirstRetry;
            Attempts = 0;
            _beaconMissesAtJoin = BeaconMisses;
            var bss = AccessPoint!;
            Raise("connected", $"{bss.Bssid} \"{Ssid.Format(bss.Ssid)}\"");
            return;
        }
        Raise("reconnecting", $"link lost: {Why()}; next check in {Seconds(_retry)}");
        _timer.Reset(_retry, static s => ((ProfileConnection)s!).Retry(), this);
    }

    /// <summary>Ends the connection (<c>wlan disconnect</c>, the VAP destroyed or taken down by hand).</summary>
    public void Stop(string why)
    {
        if (_stopped) return;
        _stopped = true;
        _timer.Stop();
        Raise("disconnected", why);
    }

    public void Dispose() => _timer.Dispose();

    private void Retry()
    {
        if (_stopped || LinkUp) return;
        if (!Vap.Interface.IsUp)
        {
            // Taken down by hand (ifconfig down): that is the user's word, not a link loss to repair.
            Stop("interface down");
            return;
        }
        string? action = null;
        if (!Vap.IsRunning)
        {
            Vap.Start();
            action = "starting the interface";
        }
        else if (Vap.StateMachine.Pending == 0 && (Vap.State == Ieee80211State.Scan && !Vap.Ic.Scanner.IsScanning || _lostInRun))
        {
            Vap.StateMachine.Request(Ieee80211State.Scan, new TransitionReason(TransitionCause.User));
            action = "rescanning";
        }
        _retry = TimeSpan.FromTicks(Math.Min(_retry.Ticks * 2, MaxRetry.Ticks));
        if (action is not null)
        {
            Attempts++;
            Raise("reconnecting", $"attempt {Attempts.ToString(CultureInfo.InvariantCulture)}: {action}; next check in {Seconds(_retry)}");
        }
        _timer.Reset(_retry, static s => ((ProfileConnection)s!).Retry(), this);
    }

    private Ieee80211Node? AccessPoint => Vap.Bss is { } b && (b.Flags & NodeFlags.Bss) != 0 && b.MacAddress != Vap.MacAddress ? b : null;

    private long BeaconMisses => Vap.OpModeHandler is StationMode s ? s.BeaconMisses : 0;

    private string Why()
    {
        if (_lostInRun) return "beacon loss";
        if (Vap.LastFailure is { } f && f.Time >= Vap.Ic.Now - TimeSpan.FromSeconds(1)) return Status.FailureText.Describe(f);
        return $"state {Vap.State.ToString().ToUpperInvariant()}";
    }

    private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture) + " s";

    private void Raise(string kind, string detail) =>
        Vap.Ic.Raise(new ConnectionEvent(Vap.Ic.Now, Vap.Ic.Name, Vap.Name, kind, Profile, detail));
}

using Net80211.Modules;
using Net80211.Nodes;
using Net80211.Packets;
using Net80211.Radio;
using Net80211.StateMachine;

namespace Net80211.Vaps;

/// <summary>
/// A virtual interface on a radio (struct ieee80211vap): station, host AP, IBSS, monitor or WDS, with its
/// own address, state machine, opmode behaviour, rate control and network-interface face.
/// </summary>
/// <remarks>
/// A driver creates VAPs in its VapCreate the way a converted driver does: construct (a type derived from
/// this one when it needs per-VAP hardware state), <see cref="Setup"/>, then <see cref="Attach"/>. It may
/// override <see cref="NewState"/> (calling the base, as drivers chain to the saved iv_newstate) and
/// <see cref="Reset"/>.
/// </remarks>
public class Ieee80211Vap
{
    /// <summary>ENETRESET: what <see cref="Reset"/> returns to ask for a full re-initialisation.</summary>
    public const int ENETRESET = 52;

    private Ieee80211Com? _ic;

    public Ieee80211Vap()
    {
        Interface = new VapInterface(this);
        StateMachine = new VapStateMachine(this);
    }

    public Ieee80211Com Ic => _ic ?? throw new InvalidOperationException("VAP is not set up");
    public string Name { get; private set; } = "";
    public int Unit { get; private set; } = -1;
    public OpMode Mode { get; private set; }
    public VapCreateFlags CreateFlags { get; private set; }
    public VapFlags Flags { get; set; }

    /// <summary>This VAP's own address (iv_myaddr).</summary>
    public MacAddress MacAddress { get; private set; }
    /// <summary>Desired BSSID (iv_des_bssid), zero for any.</summary>
    public MacAddress DesiredBssid { get; set; }
    /// <summary>Desired PHY mode (iv_des_mode), set by <c>ifconfig wlanN mode 11g</c> through the media layer;
    /// <see cref="PhyMode.Auto"/> lets the channel decide.</summary>
    public PhyMode DesiredMode { get; set; }

    /// <summary>Our BSS node (iv_bss): the AP we are joined to, or ourselves as AP.</summary>
    public Ieee80211Node? Bss { get; set; }

    public VapStateMachine StateMachine { get; }
    public Ieee80211State State => StateMachine.State;

    /// <summary>The opmode behaviour (sta, hostap, ...), from the registered module.</summary>
    public IOpMode? OpModeHandler { get; private set; }
    public IRateControl? RateControl { get; set; }

    public VapInterface Interface { get; }
    public VapStatistics Stats { get; } = new();
    public TxParameterTable TxParams { get; } = new();
    public AidAllocator Aids { get; } = new();
    /// <summary>Nodes of this VAP in the radio's node table (its own BSS node included).</summary>
    public int NodeCount { get; internal set; }

    public bool IsAttached { get; private set; }
    /// <summary>IFF_DRV_RUNNING: the VAP is started and counts in the radio's NRunning.</summary>
    public bool IsRunning { get; private set; }

    // Knobs of the per-VAP sysctl tree (net.wlan.N.*), in net80211's units and defaults.
    /// <summary>Consecutive beacons missed that make one beacon-miss event (iv_bmissthreshold, ifconfig bmiss).</summary>
    public int BeaconMissThreshold { get; set; } = 7;
    /// <summary>Beacon-miss events (each answered by a directed probe) before the AP is declared lost and a
    /// station rescans (iv_bmiss_max, sysctl net.wlan.N.bmiss_max).</summary>
    public int BeaconMissMax { get; set; } = 2;
    /// <summary>Inactivity limits in seconds: not yet authenticated, authenticated, associated, probe threshold.</summary>
    public int InactInitSeconds { get; set; } = 30;
    public int InactAuthSeconds { get; set; } = 180;
    public int InactRunSeconds { get; set; } = 300;
    public int InactProbeSeconds { get; set; } = 30;
    public int FragmentThreshold { get; set; } = 2346;
    public int RtsThreshold { get; set; } = 2346;
    public ushort BeaconIntervalTu { get; set; } = 100;
    public byte DtimPeriod { get; set; } = 1;

    // Network selection and mode settings (ifconfig ssid/channel/bssid/roaming/hidessid/...).
    /// <summary>The SSID to join or to offer (iv_des_ssid); empty = any (station) — an AP needs one.</summary>
    public byte[] DesiredSsid { get; set; } = [];
    /// <summary>The channel to use (iv_des_chan); null = any (station scans, AP uses the current channel).</summary>
    public Channels.Ieee80211Channel? DesiredChannel { get; set; }
    public RoamingMode Roaming { get; set; } = RoamingMode.Auto;
    /// <summary>Listen interval a station announces, in beacon intervals.</summary>
    public ushort ListenInterval { get; set; } = 10;
    /// <summary>How long scan results stay valid (iv_scanvalid).</summary>
    public TimeSpan ScanValid { get; set; } = TimeSpan.FromSeconds(60);
    /// <summary>MAC access control for a host AP (ieee80211_acl).</summary>
    public MacAcl Acl { get; } = new();
    /// <summary>Stations a host AP accepts (iv_max_aid); also the AID limit.</summary>
    public int MaxStations
    {
        get => Aids.Limit;
        set => Aids.Limit = value;
    }
    /// <summary>Security configuration (authmode, passphrase, ciphers, MFP).</summary>
    public Security.SecuritySettings Security { get; } = new();
    /// <summary>Installed group keys and IGTKs.</summary>
    public Security.KeyTable Keys => _keys ??= new Security.KeyTable(this);
    private Security.KeyTable? _keys;
    /// <summary>Our RSN (or WPA) element for beacons, probe responses and association requests; set by the
    /// security layer from <see cref="Security"/>.</summary>
    public byte[]? RsnElement { get; set; }

    /// <summary>The reason code and time of the last failure, for status reports.</summary>
    public VapFailure? LastFailure { get; set; }

    /// <summary>The inactivity limits in node-timer ticks (what node counters are loaded with).</summary>
    public int InactInitTicks => ToTicks(InactInitSeconds);
    public int InactAuthTicks => ToTicks(InactAuthSeconds);
    public int InactRunTicks => ToTicks(InactRunSeconds);
    public int InactProbeTicks => ToTicks(InactProbeSeconds);
    private static int ToTicks(int seconds) => Math.Max(1, (int)Math.Ceiling(seconds / NodeTable.InactivityTick.TotalSeconds));

    /// <summary>ieee80211_vap_setup: bind to the radio, take the mode and flags, attach the opmode module.</summary>
    public void Setup(Ieee80211Com ic, in VapCreateParams parameters)
    {
        ArgumentNullException.ThrowIfNull(ic);
        if (_ic is not null) throw new InvalidOperationException($"{Name} is already set up");
        if (!ic.Modules.TryGetOpMode(parameters.Mode, out var module))
            throw new InvalidOperationException($"no opmode module registered for {OpModeNames.Name(parameters.Mode)}");
        _ic = ic;
        Name = parameters.Name;
        Unit = parameters.Unit;
        Mode = parameters.Mode;
        CreateFlags = parameters.Flags;
        MacAddress = parameters.MacAddress;
        if ((parameters.Flags & VapCreateFlags.Bssid) != 0) DesiredBssid = parameters.Bssid;
        if ((parameters.Flags & VapCreateFlags.NoBeacons) != 0) Flags |= VapFlags.NoBeacons;
        if (Mode == OpMode.HostAp) Flags |= VapFlags.ApBridge;
        // Rate control as net80211 picks it: "none" when the firmware chooses rates, AMRR otherwise,
        // a fixed rate when AMRR is not loaded.
        string[] preference = (ic.Caps & RadioCapabilities.FirmwareRateControl) != 0 ? ["none", "fixed"] : ["amrr", "fixed", "none"];
        foreach (var name in preference)
        {
            if (ic.Modules.TryGetRateControl(name, out var rc)) { RateControl = rc.Create(this); break; }
        }
        OpModeHandler = module.Attach(this);
    }

    /// <summary>The VAP's media (iv_media): supported media words, the selected one, and status.</summary>
    public Media.VapMedia Media { get; private set; } = null!;

    /// <summary>ieee80211_vap_attach: the VAP becomes visible on the radio with its final address. A driver
    /// with its own media change/status passes a <see cref="Media.VapMedia"/> of its own (or sets its hooks).</summary>
    public void Attach(MacAddress macAddress, Media.VapMedia? media = null)
    {
        if (_ic is null) throw new InvalidOperationException("Setup must be called before Attach");
        if (IsAttached) throw new InvalidOperationException($"{Name} is already attached");
        if (!macAddress.IsZero) MacAddress = macAddress;
        if (MacAddress.IsZero) MacAddress = _ic.MacAddress;
        _ic.AddVap(this);
        Media = media ?? new Media.VapMedia(this);
        IsAttached = true;
    }

    /// <summary>ieee80211_vap_detach: stop, drop every node of this VAP, leave the radio.</summary>
    public virtual void Detach()
    {
        if (!IsAttached) return;
        if (IsRunning) Stop(new TransitionReason(TransitionCause.Destroy));
        OpModeHandler?.Detach();
        Ic.Nodes.RemoveAll(this);
        Bss = null;
        Ic.RemoveVap(this);
        IsAttached = false;
    }

    /// <summary><c>ifconfig wlanN up</c>: mark the interface up and start the VAP.</summary>
    public void Up()
    {
        Interface.IsUp = true;
        if (!IsRunning) Start();
    }

    /// <summary><c>ifconfig wlanN down</c>.</summary>
    public void Down()
    {
        Interface.IsUp = false;
        if (IsRunning) Stop(TransitionReason.User);
    }

    /// <summary>ieee80211_start_locked: count in NRunning (powering the radio on for the first VAP) and
    /// request the mode's initial state.</summary>
    public void Start()
    {
        if (!IsAttached || IsRunning) return;
        Interface.IsUp = true;
        IsRunning = true;
        Ic.VapStarted();
        var initial = OpModeHandler?.InitialState ?? Ieee80211State.Run;
        StateMachine.Request(initial, TransitionReason.User);
    }

    /// <summary>ieee80211_stop_locked: go to INIT now (the mode sends DISASSOC/DEAUTH unless the cause is a
    /// restart of a dead device), then leave NRunning.</summary>
    public void Stop(TransitionReason reason)
    {
        if (!IsRunning) return;
        StateMachine.ForceInit(reason);
        IsRunning = false;
        Ic.VapStopped();
    }

    /// <summary>
    /// iv_newstate: enter <paramref name="next"/>. The base records the state and runs the opmode's newstate.
    /// A driver overrides this to program hardware (and calls the base, before or after, as its hardware
    /// needs). Returns 0 or an errno.
    /// </summary>
    public virtual int NewState(Ieee80211State next, TransitionReason reason)
    {
        var from = State;
        StateMachine.SetState(next);
        return OpModeHandler?.NewState(from, next, reason) ?? 0;
    }

    /// <summary>iv_reset: a setting changed (<paramref name="what"/>); return 0 if the driver applied it in
    /// place, or <see cref="ENETRESET"/> to have the VAP re-initialised.</summary>
    public virtual int Reset(VapResetReason what) => ENETRESET;

    /// <summary>Applies a changed setting: asks <see cref="Reset"/>, and re-initialises a running VAP when it
    /// says ENETRESET (ieee80211_init → stop + start).</summary>
    public void ApplySetting(VapResetReason what)
    {
        if (Reset(what) != ENETRESET || !IsRunning) return;
        Stop(new TransitionReason(TransitionCause.User));
        Start();
    }

    /// <summary>iv_input: a frame for this VAP. The VAP owns the packet.</summary>
    public virtual void Input(Packet frame, Ieee80211Node? node)
    {
        if (node is not null)
        {
            node.Inactivity = node.InactivityReload;
            node.RecordRssi(frame.Meta.RssiDbm);
            node.NoiseDbm = frame.Meta.NoiseDbm;
        }
        if (OpModeHandler is { } mode) mode.Input(frame, node);
        else
        {
            Interlocked.Increment(ref Stats.RxDropped);
            frame.Free();
        }
    }

    /// <summary>A frame this VAP sent was completed by the driver.</summary>
    internal void OnTxComplete(Packet frame, Ieee80211Node node, TxStatus status)
    {
        if (status != TxStatus.Ok) { node.Stats.TxFailed++; Stats.TxFailed++; }
        node.Stats.TxRetries += frame.Meta.Retries;
        RateControl?.TxComplete(node, new RateControlTxStatus(status == TxStatus.Ok, frame.Meta.Retries, frame.Meta.Rate, frame.Length));
        OpModeHandler?.TxComplete(frame, node, status);
    }

    public override string ToString() => Name;
}

/// <summary>ifconfig roaming: auto (the stack rescans and rejoins), manual (the user decides), device
/// (the firmware roams).</summary>
public enum RoamingMode
{
    Device,
    Auto,
    Manual,
}

/// <summary>What went wrong last: shown by status reports in words. <see cref="Kind"/> says what
/// <see cref="ReasonOrStatus"/> is, so it is looked up in the right table.</summary>
public sealed record VapFailure(TimeSpan Time, string What, ushort ReasonOrStatus = 0, VapFailureKind Kind = VapFailureKind.Local);

/// <summary>Where a failure came from.</summary>
public enum VapFailureKind
{
    /// <summary>Decided here (a timeout, a failed handshake, no network found); a code, if any, is the reason
    /// code we sent.</summary>
    Local,
    /// <summary>The peer ended it with a Deauthentication/Disassociation: a reason code (Table 9-49).</summary>
    Reason,
    /// <summary>The peer refused an Authentication/Association: a status code (Table 9-50).</summary>
    Status,
}

/// <summary>VAP flags (iv_flags, the subset with meaning here).</summary>
[Flags]
public enum VapFlags
{
    None = 0,
    Privacy = 1 << 0,
    HideSsid = 1 << 1,
    ApBridge = 1 << 2,
    NoBeacons = 1 << 3,
    Wme = 1 << 4,
    ShortPreamble = 1 << 5,
    ShortSlot = 1 << 6,
    PowerSave = 1 << 7,
    BackgroundScan = 1 << 8,
    DesiredSsid = 1 << 9,
    DesiredBssid = 1 << 10,
    DesiredChannel = 1 << 11,
}

/// <summary>What changed when <see cref="Ieee80211Vap.Reset"/> is asked (the ioctl that triggered it).</summary>
public enum VapResetReason
{
    Channel,
    Ssid,
    Bssid,
    TxPower,
    Rates,
    Security,
    Roaming,
    Other,
}

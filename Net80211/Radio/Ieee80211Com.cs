using Net80211.Channels;
using Net80211.Events;
using Net80211.Modules;
using Net80211.Nodes;
using Net80211.Packets;
using Net80211.Scheduling;
using Net80211.StateMachine;
using Net80211.Telemetry;
using Net80211.Vaps;

namespace Net80211.Radio;

/// <summary>
/// One radio (struct ieee80211com): the device-wide state every VAP on it shares — channels, the shared
/// hardware send queue, the node table, counters — and the door between the stack and the driver.
/// All of it is touched only from <see cref="Queue"/>; the entry points a driver may call from elsewhere
/// (<see cref="RxEnqueue"/>, <see cref="TxComplete"/>, <see cref="RestartAll"/>) post onto it.
/// </summary>
public sealed partial class Ieee80211Com
{
    /// <summary>IEEE80211_CHAN_MAX: the size of the channel table asked of the driver at attach.</summary>
    public const int MaxChannels = 256;

    private readonly List<Ieee80211Vap> _vaps = [];
    private Ieee80211Channel[] _supported = [];
    private Ieee80211Channel[] _active = [];
    private long _iErrors, _oErrors, _txSubmitted, _txCompleted, _txCompleteErrors;
    private int _promisc, _allmulti;

    public Ieee80211Com(string name, IIeee80211Driver driver, IWorkQueue queue, ModuleRegistry modules, PacketPool? pool = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
        Driver = driver ?? throw new ArgumentNullException(nameof(driver));
        Queue = queue ?? throw new ArgumentNullException(nameof(queue));
        Modules = modules ?? throw new ArgumentNullException(nameof(modules));
        Pool = pool ?? PacketPool.Shared;
        Nodes = new NodeTable(this);
    }

    /// <summary>Device name, e.g. "hwsim0", "iwx0".</summary>
    public string Name { get; }
    public IIeee80211Driver Driver { get; }
    /// <summary>The radio's serial work queue (ic_tq).</summary>
    public IWorkQueue Queue { get; }
    public TimeProvider Time => Queue.Time;
    public ModuleRegistry Modules { get; }
    public PacketPool Pool { get; }

    /// <summary>The device's own (burned-in) address (ic_macaddr).</summary>
    public MacAddress MacAddress { get; set; }
    public RadioCapabilities Caps { get; set; }
    public CryptoCapabilities CryptoCaps { get; set; }
    /// <summary>HT capability info bits (ic_htcaps), 0 for a legacy radio.</summary>
    public uint HtCaps { get; set; }
    public int TxStreams { get; set; } = 1;
    public int RxStreams { get; set; } = 1;
    /// <summary>Driver-reported firmware/hardware description, for status and sysctl.</summary>
    public string? FirmwareVersion { get; set; }

    /// <summary>Source of nonces and keys: the OS CSPRNG, or a seeded stream in a simulation.</summary>
    public Security.IRandomSource Random { get; set; } = Security.CryptoRandomSource.Instance;

    /// <summary>The shared hardware send queue(s).</summary>
    public HardwareSendQueue SendQueue { get; set; } = new();

    /// <summary>The station table (ic_sta), shared by every VAP.</summary>
    public NodeTable Nodes { get; }

    public IReadOnlyList<Ieee80211Vap> Vaps => _vaps;

    /// <summary>Number of running VAPs (ic_nrunning). The driver powers up when it goes 0 → 1.</summary>
    public int NRunning { get; private set; }

    /// <summary>Monitor VAPs and capture taps (ic_montaps): non-zero tells the driver to fill radiotap data.</summary>
    public int MonTaps { get; private set; }

    public bool Promiscuous => _promisc > 0;
    public bool AllMulti => _allmulti > 0;

    /// <summary>Input errors (frames the device or the stack could not take).</summary>
    public long IErrors => Interlocked.Read(ref _iErrors);
    /// <summary>Output errors (frames that failed to go out).</summary>
    public long OErrors => Interlocked.Read(ref _oErrors);
    public void CountInputError() => Interlocked.Increment(ref _iErrors);
    public void CountOutputError() => Interlocked.Increment(ref _oErrors);

    /// <summary>Packets handed to the driver (Transmit or RawXmit).</summary>
    public long TxSubmitted => Interlocked.Read(ref _txSubmitted);
    /// <summary>Packets the driver handed back through TxComplete.</summary>
    public long TxCompleted => Interlocked.Read(ref _txCompleted);
    /// <summary>TxComplete calls for packets the driver did not own (completed twice, or never submitted).</summary>
    public long TxCompleteErrors => Interlocked.Read(ref _txCompleteErrors);

    /// <summary>The regulatory domain the active channel list is built under (ic_regdomain). FCC/US by
    /// default, as net80211 assumes when the driver has no EEPROM setting.</summary>
    public RegDomain RegDomain { get; private set; } = RegDomains.Fcc;
    /// <summary>ISO country code of the regulatory setting ("US", "DE", "00").</summary>
    public string CountryCode { get; private set; } = "US";
    public RegLocation Location { get; private set; } = RegLocation.Any;

    /// <summary>Every channel the hardware supports, as GetRadioCaps reported it at attach.</summary>
    public ReadOnlySpan<Ieee80211Channel> SupportedChannels => _supported;
    /// <summary>The active channel list (ic_channels) after the regulatory domain.</summary>
    public ReadOnlySpan<Ieee80211Channel> Channels => _active;
    /// <summary>The channel the radio is tuned to (ic_curchan).</summary>
    public Ieee80211Channel? CurrentChannel { get; private set; }
    /// <summary>The BSS channel (ic_bsschan), null while undefined.</summary>
    public Ieee80211Channel? BssChannel { get; set; }

    public bool IsAttached { get; private set; }

    /// <summary>Raised on the work queue for every stack event (state changes, restarts, VAP create/destroy).</summary>
    public event Action<StackEvent>? EventRaised;

    /// <summary>Publishes an event (opmodes report scans, joins, leaves, refusals this way).</summary>
    public void Raise(StackEvent e) => EventRaised?.Invoke(e);

    /// <summary>Virtual or wall time since the clock's epoch, for event stamps.</summary>
    public TimeSpan Now => Queue.Time.GetElapsedTime(0);

    /// <summary>
    /// ieee80211_ifattach: asks the driver for its channels (the full table), applies the regulatory
    /// filter, tunes to the first channel. Call once the driver has set address and capabilities.
    /// </summary>
    public void Attach()
    {
        if (IsAttached) throw new InvalidOperationException($"{Name} is already attached");
        var table = new Ieee80211Channel[MaxChannels];
        Driver.GetRadioCaps(this, MaxChannels, out int n, table);
        if (n < 0 || n > MaxChannels) throw new InvalidOperationException($"{Driver.DriverName}: GetRadioCaps reported {n} channels for a table of {MaxChannels}");
        _supported = table[..n];
        ApplyChannels();
        IsAttached = true;
        Nodes.StartTimer();
        Raise(new RadioEvent(Now, Name, $"attached: driver {Driver.DriverName}, address {MacAddress}, {_active.Length} channels"));
    }

    /// <summary>ieee80211_ifdetach: destroys every VAP and stops the radio's timers.</summary>
    public void Detach()
    {
        for (int i = _vaps.Count - 1; i >= 0; i--) DestroyVap(_vaps[i]);
        Nodes.StopTimer();
        IsAttached = false;
    }

    /// <summary>
    /// <c>ifconfig wlan0 country DE</c> / <c>regdomain ETSI</c>: rebuild the active channel list under another
    /// domain. Refused while VAPs run, as net80211 does (channels may disappear under them).
    /// </summary>
    public bool TrySetRegDomain(RegDomain domain, string countryCode, RegLocation location, out string? error)
    {
        ArgumentNullException.ThrowIfNull(domain);
        if (NRunning > 0)
        {
            error = $"{Name}: cannot change the regulatory domain while interfaces are running";
            return false;
        }
        var applied = domain.Apply(_supported, location);
        if (applied.Count == 0)
        {
            error = $"{Name}: no channel the radio supports is allowed in {domain.Name}";
            return false;
        }
        RegDomain = domain;
        CountryCode = countryCode;
        Location = location;
        ApplyChannels();
        error = null;
        return true;
    }

    private void ApplyChannels()
    {
        _active = RegDomain.Apply(_supported, Location).AsSpan().ToArray();
        if (CurrentChannel is null || Array.IndexOf(_active, CurrentChannel) < 0)
        {
            CurrentChannel = _active.Length > 0 ? _active[0] : null;
            if (IsAttached && CurrentChannel is not null) Driver.SetChannel(this);
        }
    }

    /// <summary>Queries the driver's channel table with a caller-chosen limit (the devcaps request).</summary>
    public int GetRadioCaps(int maxChannels, Span<Ieee80211Channel> channels)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxChannels);
        if (channels.Length < maxChannels) throw new ArgumentException("span smaller than maxChannels", nameof(channels));
        Driver.GetRadioCaps(this, maxChannels, out int n, channels);
        return Math.Clamp(n, 0, maxChannels);
    }

    /// <summary>Finds an active channel by frequency (and, when given, required flags).</summary>
    public Ieee80211Channel? FindChannel(int frequencyMhz, ChannelFlags flags = ChannelFlags.None)
    {
        foreach (var c in _active)
            if (c.FrequencyMhz == frequencyMhz && (c.Flags & flags) == flags) return c;
        return null;
    }

    public Ieee80211Channel? FindChannelByIeee(int ieee, ChannelFlags flags = ChannelFlags.None)
    {
        foreach (var c in _active)
            if (c.Ieee == ieee && (c.Flags & flags) == flags) return c;
        return null;
    }

    /// <summary>ieee80211_setcurchan: tune the radio.</summary>
    public void SetCurrentChannel(Ieee80211Channel channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        if (Array.IndexOf(_active, channel) < 0) throw new ArgumentException($"channel {channel.Ieee} is not in {Name}'s active list", nameof(channel));
        CurrentChannel = channel;
        Driver.SetChannel(this);
    }

    /// <summary>A callout on this radio's queue (callout_init_mtx with the com lock).</summary>
    public Callout CreateCallout() => new(Queue);

    // ---- running VAP accounting (ieee80211_start_locked / ieee80211_stop_locked) ----

    internal void VapStarted()
    {
        if (NRunning++ == 0) Driver.Parent(this);
    }

    internal void VapStopped()
    {
        if (NRunning == 0) return;
        if (--NRunning == 0) Driver.Parent(this);
    }

    /// <summary>Adds a capture tap or monitor VAP (ic_montaps++).</summary>
    public void AddMonitorTap() => MonTaps++;
    public void RemoveMonitorTap() { if (MonTaps > 0) MonTaps--; }

    public void SetPromiscuous(bool on)
    {
        bool was = Promiscuous;
        _promisc = Math.Max(0, _promisc + (on ? 1 : -1));
        if (was != Promiscuous) Driver.UpdatePromisc(this);
    }

    public void SetAllMulti(bool on)
    {
        bool was = AllMulti;
        _allmulti = Math.Max(0, _allmulti + (on ? 1 : -1));
        if (was != AllMulti) Driver.UpdateMcast(this);
    }

    internal void AddVap(Ieee80211Vap vap)
    {
        _vaps.Add(vap);
        if (vap.Mode == OpMode.Monitor) { AddMonitorTap(); SetPromiscuous(true); }
    }

    internal void RemoveVap(Ieee80211Vap vap)
    {
        if (!_vaps.Remove(vap)) return;
        if (vap.Mode == OpMode.Monitor) { RemoveMonitorTap(); SetPromiscuous(false); }
    }

    /// <summary>ieee80211_start_all: start every VAP that is administratively up but not running
    /// (a driver calls it after resume or init).</summary>
    public void StartAll()
    {
        foreach (var vap in _vaps.ToArray())
            if (vap.Interface.IsUp && !vap.IsRunning) vap.Start();
    }

    /// <summary>ieee80211_stop_all: stop every running VAP.</summary>
    public void StopAll()
    {
        foreach (var vap in _vaps.ToArray())
            if (vap.IsRunning) vap.Stop(TransitionReason.User);
    }

    /// <summary>
    /// ieee80211_restart_all: a driver's watchdog or firmware-error path asks for the whole radio to be
    /// reinitialised. Every running VAP is suspended (no frames sent: the device is presumed dead), the
    /// driver powers down and up through <see cref="IIeee80211Driver.Parent"/>, and the VAPs are resumed.
    /// Safe to call from any thread; the work runs on the queue.
    /// </summary>
    public void RestartAll(string why = "restart requested")
        => Queue.Enqueue(static s => { var (ic, w) = ((Ieee80211Com, string))s!; ic.RunRestart(w); }, (this, why));

    private void RunRestart(string why)
    {
        Net80211Telemetry.DeviceRestarts.Add(1, new KeyValuePair<string, object?>("radio", Name));
        Raise(new RadioEvent(Now, Name, $"restart: {why}"));
        var resume = new List<Ieee80211Vap>();
        foreach (var vap in _vaps.ToArray())
        {
            if (!vap.IsRunning) continue;
            resume.Add(vap);
            vap.Stop(new TransitionReason(TransitionCause.Restart));
        }
        foreach (var vap in resume) vap.Start();
    }
}

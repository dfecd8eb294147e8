using Net80211.Channels;
using Net80211.Nodes;
using Net80211.Packets;
using Net80211.Radio;
using Net80211.Scheduling;
using Net80211.StateMachine;
using Net80211.Vaps;

namespace Net80211.Testing;

/// <summary>
/// A driver with no hardware behind it, for tests of the core: it keeps what it is given to send until the
/// test completes it, records every callback, and runs the conversion guide's TX watchdog.
/// </summary>
public sealed class FakeDriver : IIeee80211Driver
{
    private readonly Ieee80211Channel[] _channels;
    private Callout? _watchdog;
    private int _txTimer;

    public FakeDriver(params Ieee80211Channel[] channels) => _channels = channels;

    public string DriverName => "fake";
    public Ieee80211Com? Ic { get; private set; }
    public List<Packet> Sent { get; } = [];
    public List<string> Calls { get; } = [];
    public List<int> ParentCalls { get; } = [];
    public List<FakeVap> CreatedVaps { get; } = [];
    public bool RefuseVapCreate { get; set; }
    public int DeviceTimeouts { get; private set; }

    /// <summary>Creates and attaches a radio driven by this driver.</summary>
    public Ieee80211Com Attach(string name, IWorkQueue queue, Modules.ModuleRegistry modules, RadioCapabilities caps, PacketPool? pool = null)
    {
        var ic = new Ieee80211Com(name, this, queue, modules, pool)
        {
            MacAddress = MacAddress.Parse("02:00:00:00:00:01"),
            Caps = caps,
        };
        Ic = ic;
        ic.Attach();
        _watchdog = ic.CreateCallout();
        return ic;
    }

    public void Transmit(Ieee80211Com ic, Packet frame) => Queue(frame);
    public void RawXmit(Ieee80211Node node, Packet frame, RawTxParams? parameters) => Queue(frame);

    private void Queue(Packet frame)
    {
        Sent.Add(frame);
        // The guide's watchdog: arm a 5-second TX timer when a frame goes to the hardware.
        if (_txTimer == 0) _txTimer = 5;
        if (_watchdog is { Pending: false }) _watchdog.Reset(TimeSpan.FromSeconds(1), static s => ((FakeDriver)s!).Watchdog(), this);
    }

    /// <summary>Completes every frame sent so far with <paramref name="status"/>, as a TX interrupt would.</summary>
    public int CompleteAll(TxStatus status = TxStatus.Ok)
    {
        int n = Sent.Count;
        foreach (var p in Sent) Ic!.TxComplete(p, p.Node as Ieee80211Node, status);
        Sent.Clear();
        _txTimer = 0;
        return n;
    }

    private void Watchdog()
    {
        if (_txTimer > 0 && --_txTimer == 0)
        {
            DeviceTimeouts++;
            // A stuck queue: give the frames back (TxComplete counts them as output errors) and have the
            // stack reinitialise the device.
            CompleteAll(TxStatus.DeviceError);
            Ic!.RestartAll("device timeout");
            return;
        }
        if (_txTimer > 0) _watchdog!.Schedule(TimeSpan.FromSeconds(1));
    }

    public void Parent(Ieee80211Com ic)
    {
        ParentCalls.Add(ic.NRunning);
        Calls.Add(ic.NRunning > 0 ? "parent:up" : "parent:down");
        if (ic.NRunning == 0) { _watchdog?.Stop(); _txTimer = 0; }
    }

    public Ieee80211Vap? VapCreate(Ieee80211Com ic, in VapCreateParams parameters)
    {
        Calls.Add($"vap_create:{parameters.Name}");
        if (RefuseVapCreate) return null;
        var vap = new FakeVap(this);
        vap.Setup(ic, parameters);
        vap.Attach(parameters.MacAddress);
        CreatedVaps.Add(vap);
        return vap;
    }

    public void VapDelete(Ieee80211Vap vap)
    {
        Calls.Add($"vap_delete:{vap.Name}");
        vap.Detach();
    }

    public void GetRadioCaps(Ieee80211Com ic, int maxChannels, out int channelCount, Span<Ieee80211Channel> channels)
    {
        channelCount = Math.Min(maxChannels, _channels.Length);
        _channels.AsSpan(0, channelCount).CopyTo(channels);
    }

    /// <summary>Which keys this fake "hardware" takes (KeySet returns true); null takes none.</summary>
    public Func<Security.ICipherKey, bool>? HardwareKeys { get; set; }

    public bool KeySet(Ieee80211Vap vap, Ieee80211Node? node, Security.ICipherKey key)
    {
        Calls.Add($"key_set:{key.Cipher.Name}:{key.KeyIndex}");
        return HardwareKeys?.Invoke(key) ?? false;
    }

    public void KeyDelete(Ieee80211Vap vap, Ieee80211Node? node, Security.ICipherKey key) => Calls.Add($"key_delete:{key.Cipher.Name}:{key.KeyIndex}");

    public void SetChannel(Ieee80211Com ic) => Calls.Add($"set_channel:{ic.CurrentChannel?.Ieee}");
    public void ScanStart(Ieee80211Com ic) => Calls.Add("scan_start");
    public void ScanEnd(Ieee80211Com ic) => Calls.Add("scan_end");
    public void UpdatePromisc(Ieee80211Com ic) => Calls.Add($"promisc:{ic.Promiscuous}");
}

/// <summary>A driver-derived VAP that chains its newstate to the base, as converted drivers do.</summary>
public sealed class FakeVap(FakeDriver driver) : Ieee80211Vap
{
    public List<string> DriverStates { get; } = [];

    public override int NewState(Ieee80211State next, TransitionReason reason)
    {
        DriverStates.Add($"{State.Name()}->{next.Name()}");
        driver.Calls.Add($"newstate:{Name}:{next.Name()}");
        return base.NewState(next, reason);
    }
}

using Net80211.Channels;
using Net80211.Modules;
using Net80211.Nodes;
using Net80211.Packets;
using Net80211.Radio;
using Net80211.RadioDrivers.Air;
using Net80211.Scheduling;
using Net80211.Vaps;

namespace Net80211.RadioDrivers.Hwsim;

/// <summary>
/// A simulated radio on the simulated air, in the spirit of Linux mac80211_hwsim: a "device" whose
/// transmitter and receiver are a <see cref="MediumPort"/>. It implements the driver contract the way a
/// converted driver does — its own send queue drained into the hardware, TX status back through
/// TxComplete, software beaconing per VAP, radiotap receive data, a TX watchdog — so the stack above it
/// runs exactly as over real hardware.
/// </summary>
public sealed class HwsimRadio : IIeee80211Driver, IMediumClient
{
    /// <summary>Seconds a frame may sit in the hardware before the watchdog declares the device stuck.</summary>
    public const int TxTimeoutSeconds = 5;

    private readonly Medium _medium;
    private readonly HwsimOptions _options;
    private Callout? _watchdog;
    private int _txTimer;
    private int _inHardware;
    private bool _poweredUp;
    private bool _powerDownPending;

    public HwsimRadio(string name, Medium medium, IWorkQueue queue, ModuleRegistry modules, PacketPool pool, HwsimOptions? options = null)
    {
        _medium = medium ?? throw new ArgumentNullException(nameof(medium));
        _options = options ?? new HwsimOptions();
        Ic = new Ieee80211Com(name, this, queue, modules, pool)
        {
            MacAddress = _options.MacAddress,
            Caps = RadioCapabilities.Sta | RadioCapabilities.HostAp | RadioCapabilities.Ibss | RadioCapabilities.Monitor
                 | RadioCapabilities.Wds | RadioCapabilities.MultiVap | RadioCapabilities.SoftwareBeacon
                 | RadioCapabilities.ShortPreamble | RadioCapabilities.ShortSlot | RadioCapabilities.Wme
                 | RadioCapabilities.TxPowerMgmt,
            CryptoCaps = CryptoCapabilities.None,   // all ciphers in software, as hwsim
            FirmwareVersion = "hwsim (simulated)",
        };
        Port = medium.Attach(name, this, _options.Position, _options.TxPowerDbm);
        Port.FrequencyMhz = 0; // powered down until the first VAP runs
    }

    public string DriverName => "hwsim";
    public Ieee80211Com Ic { get; }
    public MediumPort Port { get; }
    public bool PoweredUp => _poweredUp;
    /// <summary>Times the watchdog found the transmitter stuck.</summary>
    public int DeviceTimeouts { get; private set; }

    /// <summary>Attach the radio to the stack (the driver's attach routine ending in ieee80211_ifattach).</summary>
    public HwsimRadio Attach()
    {
        Ic.Attach();
        _watchdog = Ic.CreateCallout();
        return this;
    }

    /// <summary>Detach: destroy VAPs, leave the air.</summary>
    public void Detach()
    {
        Ic.Detach();
        _watchdog?.Dispose();
        _medium.Detach(Port);
    }

    // ---- transmit ----

    public void Transmit(Ieee80211Com ic, Packet frame)
    {
        if (!_poweredUp || _powerDownPending || !ic.SendQueue.TryEnqueue(frame))
        {
            ic.TxComplete(frame, frame.Node as Ieee80211Node, _poweredUp ? TxStatus.QueueFull : TxStatus.Flushed);
            return;
        }
        Start();
    }

    public void RawXmit(Ieee80211Node node, Packet frame, RawTxParams? parameters)
    {
        if (!_poweredUp)
        {
            Ic.TxComplete(frame, node, TxStatus.Flushed);
            return;
        }
        var vap = node.Vap;
        byte rate = parameters is { Rate0: > 0 } p ? p.Rate0 : DriverRates.ManagementRate(Ic, vap);
        byte tries = parameters is { Try0: > 0 } q ? q.Try0 : (byte)(vap.TxParams[TxParameterTable.ModeFor(Ic.CurrentChannel)].MaxRetry + 1);
        var descriptor = new TxDescriptor(RateChain.Single(rate, tries), noAck: parameters?.NoAck ?? false,
            shortPreamble: parameters?.ShortPreamble ?? false);
        ToHardware(frame, descriptor);
    }

    /// <summary>The driver's start routine: move frames from the send queue into the hardware while it has room.</summary>
    private void Start()
    {
        while (Port.QueueDepth < Port.QueueLimit && Ic.SendQueue.TryDequeue(out var frame))
        {
            var node = frame.Node as Ieee80211Node;
            byte rate = frame.Meta.Rate != 0 ? frame.Meta.Rate : node?.TxRate is > 0 and var r ? r : DriverRates.ManagementRate(Ic, node?.Vap);
            byte tries = frame.Meta.MaxRetries != 0 ? frame.Meta.MaxRetries : (byte)(TxParameters.DefaultMaxRetry + 1);
            bool noAck = (frame.Meta.Flags & (PacketFlags.NoAck | PacketFlags.Multicast)) != 0;
            ToHardware(frame, new TxDescriptor(RateChain.Single(rate, tries), noAck,
                (frame.Meta.Flags & PacketFlags.ShortPreamble) != 0));
        }
    }

    private void ToHardware(Packet frame, in TxDescriptor descriptor)
    {
        if (!Port.TryEnqueue(frame, descriptor))
        {
            Ic.TxComplete(frame, frame.Node as Ieee80211Node, TxStatus.QueueFull);
            return;
        }
        _inHardware++;
        if (_txTimer == 0) _txTimer = TxTimeoutSeconds;
        if (_watchdog is { Pending: false }) _watchdog.Reset(TimeSpan.FromSeconds(1), static s => ((HwsimRadio)s!).Watchdog(), this);
    }

    /// <summary>TX status from the air: the TX-done interrupt.</summary>
    public void OnTxDone(Packet frame, in AirTxResult result)
    {
        _inHardware--;
        _txTimer = _inHardware > 0 ? TxTimeoutSeconds : 0;
        frame.Meta.Retries = (byte)Math.Max(0, result.Attempts - 1);
        if (result.FinalRate != 0) frame.Meta.Rate = result.FinalRate;
        if (result.Status != AirTxStatus.Flushed) Ic.TapTransmitted(frame);
        var status = result.Status switch
        {
            AirTxStatus.Acked or AirTxStatus.SentNoAck => TxStatus.Ok,
            AirTxStatus.NotAcked => TxStatus.NoAck,
            _ => TxStatus.Flushed,
        };
        Ic.TxComplete(frame, frame.Node as Ieee80211Node, status);
        if (_powerDownPending && _inHardware == 0) PowerDown();
        else if (_poweredUp && !_powerDownPending) Start();
    }

    /// <summary>The conversion guide's watchdog: once a second, count the TX timer down; at zero the
    /// transmitter is stuck and the whole radio is restarted.</summary>
    private void Watchdog()
    {
        if (_txTimer > 0 && --_txTimer == 0)
        {
            DeviceTimeouts++;
            Ic.RestartAll("device timeout: transmitter stuck");
            return;
        }
        if (_txTimer > 0) _watchdog!.Schedule(TimeSpan.FromSeconds(1));
    }

    // ---- receive ----

    public bool AcksFor(MacAddress receiverAddress)
    {
        if (!_poweredUp) return false;
        // Asked by the air for every frame it carries: an index loop, since enumerating the interface allocates.
        var vaps = Ic.Vaps;
        for (int i = 0; i < vaps.Count; i++)
        {
            var vap = vaps[i];
            if (vap.IsRunning && vap.Mode != OpMode.Monitor && vap.MacAddress == receiverAddress) return true;
        }
        return false;
    }

    /// <summary>A frame decoded off the air: the RX interrupt. Radiotap fields go up with it.</summary>
    public void OnReceive(Packet frame, in AirRxInfo info)
    {
        if (!_poweredUp)
        {
            frame.Free();
            return;
        }
        var channel = Ic.CurrentChannel;
        var rx = new RxInfo
        {
            FrequencyMhz = info.FrequencyMhz,
            ChannelFlags = channel?.Flags ?? ChannelFlags.None,
            Rate = info.Rate,
            MacTimeMicroseconds = (ulong)(info.StartTicks / 10),
            Flags = info.ShortPreamble ? RxFlags.ShortPreamble : RxFlags.None,
        };
        Ic.RxEnqueue(frame, (int)Math.Round(info.SignalDbm), (int)Math.Round(info.NoiseDbm), rx);
    }

    // ---- device control ----

    public void Parent(Ieee80211Com ic)
    {
        bool up = ic.NRunning > 0;
        _powerDownPending = false;
        if (up == _poweredUp) return;
        if (up)
        {
            _poweredUp = true;
            Port.FrequencyMhz = ic.CurrentChannel?.FrequencyMhz ?? 0;
            ic.StartAll();
            return;
        }
        ic.SendQueue.Flush(p => ic.TxComplete(p, p.Node as Ieee80211Node, TxStatus.Flushed));
        // Frames already handed to the hardware (the DEAUTH/DISASSOC a VAP sent on its way down) finish
        // before the transmitter goes off, as a device finishes the descriptors it has fetched.
        if (_inHardware > 0) _powerDownPending = true;
        else PowerDown();
    }

    private void PowerDown()
    {
        _poweredUp = false;
        _powerDownPending = false;
        Port.FrequencyMhz = 0;
        _txTimer = 0;
        _watchdog?.Stop();
    }

    public void SetChannel(Ieee80211Com ic)
    {
        if (_poweredUp) Port.FrequencyMhz = ic.CurrentChannel?.FrequencyMhz ?? 0;
    }

    public Ieee80211Vap? VapCreate(Ieee80211Com ic, in VapCreateParams parameters)
    {
        var vap = new HwsimVap(this);
        vap.Setup(ic, parameters);
        // Every VAP needs an address of its own to be ACKed on the air: the first takes the radio's,
        // later ones get a locally administered one derived from it (as multi-VAP drivers do).
        var address = parameters.MacAddress;
        if ((parameters.Flags & VapCreateFlags.MacAddress) == 0 && ic.Vaps.Any(v => v.MacAddress == address))
            address = ic.MacAddress.WithLocalBit((byte)(0x10 + parameters.Unit));
        vap.Attach(address);
        return vap;
    }

    public void GetRadioCaps(Ieee80211Com ic, int maxChannels, out int channelCount, Span<Ieee80211Channel> channels)
    {
        channelCount = 0;
        // A full table is not an error here: the caller asked for at most maxChannels.
        ChannelTableBuilder.AddDefaultChannels(channels, maxChannels, ref channelCount, _options.Bands, ht40: false,
            extendedChannelMode: true);
    }

    /// <summary>Software beaconing: send the beacon a VAP's opmode built.</summary>
    internal void SendBeacon(Ieee80211Vap vap, Packet beacon)
    {
        if (!_poweredUp || vap.Bss is null)
        {
            beacon.Free();
            return;
        }
        var mode = TxParameterTable.ModeFor(Ic.CurrentChannel);
        beacon.Meta.Flags |= PacketFlags.Multicast;
        Ic.RawTransmit(vap.Bss, beacon, new RawTxParams { Rate0 = vap.TxParams[mode].MulticastRate, Try0 = 1, NoAck = true });
    }
}

/// <summary>How a simulated radio is built: address, bands, where it stands on the air, power.</summary>
public sealed record HwsimOptions
{
    public MacAddress MacAddress { get; init; } = MacAddress.Parse("02:00:00:00:00:00");
    public ChannelBands Bands { get; init; } = ChannelBands.B | ChannelBands.G | ChannelBands.A;
    public Position Position { get; init; }
    public double TxPowerDbm { get; init; } = 20;
}

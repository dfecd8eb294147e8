using Net80211.Frames;
using Net80211.Modules;
using Net80211.Nodes;
using Net80211.Output;
using Net80211.Packets;
using Net80211.Radio;
using Net80211.Scan;
using Net80211.StateMachine;
using Net80211.Vap.Common;
using Net80211.Vaps;

namespace Net80211.Vap.Adhoc;

/// <summary>
/// IBSS (ad-hoc) mode (ieee80211_adhoc.c): scan for an IBSS with our SSID and join it, or create one on the
/// desired (or current) channel. Members share beaconing: in each beacon interval the first member to
/// beacon suppresses the others' beacons for that interval (IEEE 802.11-2020 11.1.3.3), so one beacon per
/// interval goes out whoever leaves. Data goes directly between members (no DS bits, BSSID in address 3).
/// TSF synchronisation and IBSS merging are not modelled.
/// </summary>
public sealed class AdhocMode : OpModeBase, IScanClient
{
    private MacAddress _bssid;
    private long _lastPeerBeacon = long.MinValue;
    private long _lastOwnBeacon = long.MinValue;

    public AdhocMode(Ieee80211Vap vap) : base(vap) { }

    public override Ieee80211State InitialState => Ieee80211State.Scan;
    public MacAddress Bssid => _bssid;
    public IEnumerable<Ieee80211Node> Peers => Ic.Nodes.ForVap(Vap).Where(n => n != Vap.Bss);

    public override int NewState(Ieee80211State from, Ieee80211State to, TransitionReason reason)
    {
        if (to != Ieee80211State.Scan && Ic.Scanner.IsScanningFor(this)) Ic.Scanner.Cancel();
        switch (to)
        {
            case Ieee80211State.Init:
                Ic.Nodes.RemoveAll(Vap);
                Vap.Bss = null;
                break;
            case Ieee80211State.Scan:
                var request = new ScanRequest
                {
                    Ssids = Vap.DesiredSsid.Length > 0 ? [Vap.DesiredSsid] : [],
                    Channels = Vap.DesiredChannel is { } ch ? [ch] : null,
                };
                if (!Ic.Scanner.TryStart(request, this, out var error)) Report($"scan not started: {error}");
                break;
            case Ieee80211State.Run when from != Ieee80211State.Run:
                var self = Ic.Nodes.Find(Vap, Vap.MacAddress) ?? Ic.Nodes.Add(Vap, Vap.MacAddress);
                self.Bssid = _bssid;
                self.Ssid = Vap.DesiredSsid;
                self.Flags |= NodeFlags.Bss;
                self.Channel = Ic.CurrentChannel;
                Vap.Bss = self;
                Ic.BssChannel = Ic.CurrentChannel;
                break;
        }
        return 0;
    }

    public void SendProbeRequest(Channels.Ieee80211Channel channel, ReadOnlySpan<byte> ssid)
    {
        var self = Ic.Nodes.Find(Vap, Vap.MacAddress) ?? Ic.Nodes.Add(Vap, Vap.MacAddress);
        ManagementOutput.SendProbeRequest(Vap, self, ssid, MacAddress.Broadcast, MacAddress.Broadcast);
    }

    public void ScanCompleted(ScanCompletion result)
    {
        if (Vap.State != Ieee80211State.Scan) return;
        result.KeepChannel = true;   // we stay on the channel we join or create the IBSS on
        Ic.ScanCache.Age(Vap.ScanValid);
        var criteria = new BssCriteria(Vap.DesiredSsid.Length > 0 ? Vap.DesiredSsid : null, Vap.DesiredBssid, Vap.DesiredChannel,
            (Vap.Flags & VapFlags.Privacy) != 0, ScanSecurity.Open, ManagementOutput.RatesFor(Vap), IbssMode: true);
        var found = BssSelector.Select(Ic.ScanCache.Entries, criteria, Ic.Now, out _);
        if (found is not null)
        {
            _bssid = found.Bssid;
            if (Ic.CurrentChannel != found.Channel) Ic.SetCurrentChannel(found.Channel);
            Report($"joining IBSS {_bssid} \"{Ssid.Format(Vap.DesiredSsid)}\" channel {found.Channel.Ieee}");
        }
        else
        {
            if (Vap.DesiredChannel is { } ch && Ic.CurrentChannel != ch) Ic.SetCurrentChannel(ch);
            // A new IBSS gets an individual, locally administered BSSID (IEEE 802.11-2020 11.1.4) that is not
            // our own address: ours with the U/L bit set and the second octet inverted.
            _bssid = MacAddress.FromUInt64(((Vap.MacAddress.ToUInt64() | 0x0200_0000_0000UL) & ~0x0100_0000_0000UL) ^ 0x00FF_0000_0000UL);
            Report($"created IBSS {_bssid} \"{Ssid.Format(Vap.DesiredSsid)}\" channel {Ic.CurrentChannel?.Ieee}");
        }
        RequestState(Ieee80211State.Run, new TransitionReason(TransitionCause.ScanDone));
    }

    public override Packet? BuildBeacon()
    {
        if (Vap.State != Ieee80211State.Run || Vap.Bss is null) return null;
        long now = Ic.Time.GetTimestamp();
        long half = Ic.Time.TimestampFrequency * Vap.BeaconIntervalTu * 1024L / 2_000_000;
        // Another member beaconed in this interval (more recently than we did): stay quiet.
        if (_lastPeerBeacon > _lastOwnBeacon && now - _lastPeerBeacon < half) return null;
        _lastOwnBeacon = now;
        return ManagementOutput.BuildBeacon(Vap, _bssid, 0);
    }

    protected override void ReceiveManagement(Packet frame, in FrameHeader header, Ieee80211Node? node)
    {
        var subtype = header.FrameControl.ManagementSubtype;
        if (subtype is ManagementSubtype.Beacon or ManagementSubtype.ProbeResponse)
        {
            if (Ic.RxChannel(frame) is { } ch) Ic.ScanCache.TryRecord(frame.Data, frame.Meta.RssiDbm, frame.Meta.NoiseDbm, ch, out _, out _);
            if (Vap.State == Ieee80211State.Scan) Ic.Scanner.NotifyResponse();
            if (Vap.State == Ieee80211State.Run && header.Address3 == _bssid)
            {
                if (subtype == ManagementSubtype.Beacon) _lastPeerBeacon = Ic.Time.GetTimestamp();
                Neighbour(header.TransmitterAddress);
            }
            return;
        }
        if (subtype == ManagementSubtype.ProbeRequest && Vap.State == Ieee80211State.Run && _lastOwnBeacon >= _lastPeerBeacon)
        {
            // The member that sent the last beacon answers probes (11.1.4.3.4).
            if (!ProbeRequestFrame.TryRead(frame.Data[header.Length..], out var probe, out _) ||
                !ParsedIes.TryParse(probe.Elements, out var ies, out _)) return;
            if (!ies.Ssid.Ssid.IsEmpty && !ies.Ssid.Ssid.SequenceEqual(Vap.DesiredSsid)) return;
            Ic.RawTransmit(Vap.Bss!, ManagementOutput.BuildBeacon(Vap, _bssid, 0, probeResponseTo: header.TransmitterAddress, revealSsid: true));
        }
    }

    /// <summary>The node of an IBSS member, made on first contact; null when the VAP already holds
    /// <see cref="Ieee80211Vap.MaxStations"/> members (counted): beacons from made-up addresses cannot grow the
    /// table without bound.</summary>
    private Ieee80211Node? Neighbour(MacAddress address)
    {
        var n = Ic.Nodes.Find(Vap, address);
        if (n is null)
        {
            if (Vap.NodeCount > Vap.MaxStations)
            {
                Interlocked.Increment(ref Vap.Stats.RxNodeTableFull);
                return null;
            }
            n = Ic.Nodes.Add(Vap, address);
            n.Bssid = _bssid;
            n.Rates = ManagementOutput.RatesFor(Vap);
            n.Flags |= NodeFlags.Associated | NodeFlags.Authorized;
            n.InactivityReload = Vap.InactRunTicks;
            n.Inactivity = n.InactivityReload;
            Vap.RateControl?.NodeInit(n);
            Report($"neighbour {address} joined");
        }
        return n;
    }

    protected override void ReceiveData(Packet frame, in FrameHeader header, Ieee80211Node? node)
    {
        var fc = header.FrameControl;
        if (Vap.State != Ieee80211State.Run || fc.ToDs || fc.FromDs || header.Address3 != _bssid)
        {
            Drop(frame, ref Vap.Stats.RxWrongBss);
            return;
        }
        node ??= Neighbour(header.TransmitterAddress);
        if (node is null)
        {
            frame.Free();   // counted by Neighbour
            return;
        }
        if (fc.DataSubtype is DataSubtype.Null or DataSubtype.QosNull) { frame.Free(); return; }
        if (Data.TryDecapsulate(frame, node, out var msdu, out _)) DeliverOrHandle(msdu, node);
    }

    public override void Output(Packet ethernetFrame)
    {
        if (Vap.State != Ieee80211State.Run || Vap.Bss is null)
        {
            Drop(ethernetFrame, ref Vap.Stats.TxNotRunning);
            return;
        }
        var destination = MacAddress.Read(ethernetFrame.Data);
        var node = destination.IsGroup ? Vap.Bss : Neighbour(destination);
        if (node is null)
        {
            Drop(ethernetFrame, ref Vap.Stats.TxNoNode);
            return;
        }
        Data.Transmit(ethernetFrame, node, DataDirection.Ibss);
    }
}

public sealed class AdhocModeModule : IOpModeModule
{
    public OpMode Mode => OpMode.Ibss;
    public IOpMode Attach(Ieee80211Vap vap) => new AdhocMode(vap);
}

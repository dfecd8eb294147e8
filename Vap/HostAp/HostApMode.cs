using Net80211.Frames;
using Net80211.Modules;
using Net80211.Nodes;
using Net80211.Output;
using Net80211.Packets;
using Net80211.Radio;
using Net80211.Rates;
using Net80211.StateMachine;
using Net80211.Crypto.Rsn;
using Net80211.Crypto.Tkip;
using Net80211.Security;
using Net80211.Scheduling;
using Net80211.Vap.Common;
using Net80211.Vap.Security;
using Net80211.Vaps;

namespace Net80211.Vap.HostAp;

/// <summary>
/// Host AP mode (ieee80211_hostap.c): runs a BSS on one channel. It beacons (through the driver's
/// software beacon timer), answers probe requests, authenticates (open system, or shared key with authmode
/// shared) and associates stations
/// with AIDs, refuses them with the standard status codes when full or denied by the MAC ACL, ages idle
/// stations out (null-data probe, then deauthentication), relays data between stations (apbridge), and
/// deauthenticates everyone when it goes down.
/// </summary>
public sealed class HostApMode : OpModeBase
{
    private byte _dtimCount;
    private readonly SecurityContext _security;
    private readonly Callout _groupRekey;
    private readonly TkipCountermeasures _countermeasures;
    private byte[]? _pmk;
    private byte[]? _gtk;
    private int _gtkIndex = 1;
    private byte[]? _igtk;

    public HostApMode(Ieee80211Vap vap) : base(vap)
    {
        _security = new SecurityContext(vap);
        _groupRekey = Ic.CreateCallout();
        _countermeasures = new TkipCountermeasures(Ic.Time);
        Data.MsduMicFailed = (node, _) => OnMichaelFailure(node, reported: false);
    }

    /// <summary>TKIP countermeasures are in force (12.5.2.4): WPA associations refused until they lapse.</summary>
    public bool TkipCountermeasuresActive => _countermeasures.IsBlocked;

    /// <summary>Key ID of the current GTK (1 or 2: they alternate at each rekey).</summary>
    public int GroupKeyIndex => _gtkIndex;

    /// <summary>An AP comes up on its channel directly (the desired one, else the radio's current one);
    /// choosing a channel by scanning is not done here.</summary>
    public override Ieee80211State InitialState => Ieee80211State.Run;

    public IEnumerable<Ieee80211Node> Stations => Ic.Nodes.ForVap(Vap).Where(n => n != Vap.Bss);

    public override int NewState(Ieee80211State from, Ieee80211State to, TransitionReason reason)
    {
        switch (to)
        {
            case Ieee80211State.Init:
                if (from == Ieee80211State.Run) LeaveBss(reason);
                break;
            case Ieee80211State.Run when from != Ieee80211State.Run:
                if (Vap.DesiredChannel is { } ch && Ic.CurrentChannel != ch) Ic.SetCurrentChannel(ch);
                var bss = Ic.Nodes.Add(Vap, Vap.MacAddress);
                bss.Bssid = Vap.MacAddress;
                bss.Ssid = Vap.DesiredSsid;
                bss.Channel = Ic.CurrentChannel;
                bss.Rates = ManagementOutput.RatesFor(Vap);
                bss.Flags |= NodeFlags.Bss;
                Vap.Bss = bss;
                Ic.BssChannel = Ic.CurrentChannel;
                StartSecurity();
                Report($"BSS {Vap.MacAddress} \"{Ssid.Format(Vap.DesiredSsid)}\" up on channel {Ic.CurrentChannel?.Ieee}{SecurityDescription}");
                break;
        }
        return 0;
    }

    /// <summary>Going down: every associated station is deauthenticated (unless the device is being
    /// restarted and cannot send), then forgotten.</summary>
    private void LeaveBss(TransitionReason reason)
    {
        bool anyMfp = false;
        foreach (var sta in Stations.ToList())
        {
            // Stations with PMF get one BIP-protected broadcast instead (below); the others one each.
            if (sta.MfpEnabled) anyMfp = true;
            else if (reason.Cause != TransitionCause.Restart && (sta.Flags & NodeFlags.Authenticated) != 0)
                ManagementOutput.SendDeauthentication(Vap, sta, ReasonCode.LeavingNetworkDeauth);
            Forget(sta);
        }
        if (anyMfp && reason.Cause != TransitionCause.Restart) ManagementOutput.SendGroupDeauthentication(Vap, ReasonCode.LeavingNetworkDeauth);
        if (Vap.Bss is { } bss) Ic.Nodes.Remove(bss);
        Vap.Bss = null;
        _groupRekey.Stop();
        Vap.Keys.Clear();
    }

    // ---- security ----

    private string SecurityDescription => Vap.Security.AuthMode switch
    {
        AuthMode.Wpa => Vap.Security.Rsn ? ", WPA2-PSK" : ", WPA-PSK",
        AuthMode.Wep or AuthMode.Shared => ", WEP",
        _ => ", open",
    };

    /// <summary>The BSS goes up: our RSN element for beacons, the PMK, a fresh GTK (and IGTK with MFP).</summary>
    private void StartSecurity()
    {
        switch (Vap.Security.AuthMode)
        {
            case AuthMode.Wep or AuthMode.Shared:
                if (!_security.InstallStaticWepKeys(out var wepError)) Report($"WEP keys: {wepError}");
                return;
            case AuthMode.Wpa:
                break;
            default:
                Vap.RsnElement = null;
                return;
        }
        var config = _security.Configuration;
        Vap.RsnElement = Vap.Security.Rsn ? RsnElementBuilder.ForBeacon(config) : RsnElementBuilder.WpaForBeacon(config);
        if (!_security.TryGetPmk(Vap.DesiredSsid, out _pmk, out var error))
        {
            Vap.LastFailure = new VapFailure(Ic.Now, $"cannot make the PSK: {error}");
            Report($"WPA not available: {error}");
            return;
        }
        NewGroupKeys();
        if (Vap.Security.GroupRekeyInterval > TimeSpan.Zero)
            _groupRekey.Reset(Vap.Security.GroupRekeyInterval, static s => ((HostApMode)s!).RekeyGroup(), this);
    }

    private void NewGroupKeys()
    {
        var config = _security.Configuration;
        _gtk = new byte[CipherKeyLengths.Of(config.GroupCipher)];
        Ic.Random.Fill(_gtk);
        if (!_security.InstallGroup(config.GroupCipher, _gtk, _gtkIndex, 0, transmit: true, TkipRole.Authenticator, out var error))
            Report($"group key: {error}");
        if (config.Mfp != MfpMode.Disabled)
        {
            _igtk = new byte[CipherKeyLengths.Of(config.GroupManagementCipher)];
            Ic.Random.Fill(_igtk);
            if (!_security.InstallIgtk(config.GroupManagementCipher, _igtk, 4, 0, out error)) Report($"IGTK: {error}");
        }
    }

    /// <summary>wpa_group_rekey: a new GTK under the other key ID, sent to every authorized station with
    /// the group key handshake.</summary>
    private void RekeyGroup()
    {
        if (Vap.State != Ieee80211State.Run || _gtk is null) return;
        _gtkIndex = _gtkIndex == 1 ? 2 : 1;
        NewGroupKeys();
        Report($"group key rekeyed (key ID {_gtkIndex})");
        foreach (var sta in Stations)
        {
            if (sta.SecurityState is HandshakeRunner { Authenticator: { } a } runner && (sta.Flags & NodeFlags.Authorized) != 0)
                runner.Run(a.RekeyGroup(_gtk, _gtkIndex, 0, _igtk, 4, 0));
        }
        _groupRekey.Reset(Vap.Security.GroupRekeyInterval, static s => ((HostApMode)s!).RekeyGroup(), this);
    }

    /// <summary>wpa_ptk_rekey for one station: a new 4-way handshake while it stays associated.</summary>
    public bool RekeyPairwise(MacAddress station)
    {
        if (Ic.Nodes.Find(Vap, station)?.SecurityState is not HandshakeRunner { Authenticator: { } a } runner) return false;
        runner.Run(a.RekeyPairwise());
        return true;
    }

    /// <summary>After a successful association: the authenticator sends message 1.</summary>
    private void StartHandshake(Ieee80211Node sta, NegotiatedSuite suite, byte[] staElement)
    {
        var authenticator = new Authenticator(new AuthenticatorConfig
        {
            Pmk = _pmk!,
            AuthenticatorAddress = Vap.MacAddress,
            SupplicantAddress = sta.MacAddress,
            AuthenticatorRsnElement = Vap.RsnElement!,
            SupplicantRsnElement = staElement,
            Suite = suite,
            Gtk = _gtk!,
            GtkKeyIndex = _gtkIndex,
            // The RSC is the last counter used (12.7.2): the next group frame will be above it.
            GtkRsc = LastUsed(Vap.Keys.Group(_gtkIndex)),
            Igtk = suite.ManagementFrameProtection ? _igtk : null,
            IgtkKeyIndex = 4,
            IgtkIpn = LastUsed(Vap.Keys.Igtk(4)),
            NonceSource = Ic.Random.Fill,
        });
        var runner = new HandshakeRunner(_security, sta, suite, null, authenticator,
            frame => SendEapol(sta, frame, DataDirection.FromAp),
            kind => { if (kind == HandshakeKind.FourWay) { sta.Flags |= NodeFlags.Authorized; Report($"station {sta.MacAddress}: 4-way handshake complete ({suite.PairwiseCipher})"); } },
            failed => HandshakeFailed(sta, failed),
            _ => OnMichaelFailure(sta, reported: true));
        (sta.SecurityState as HandshakeRunner)?.Dispose();
        sta.SecurityState = runner;
        runner.Start();
    }

    private static ulong LastUsed(ICipherKey? key) => key is null || key.TransmitCounter == 0 ? 0 : key.TransmitCounter - 1;


    private void HandshakeFailed(Ieee80211Node sta, Crypto.Rsn.Failed failed)
    {
        Report($"station {sta.MacAddress}: {failed.Why} (reason {failed.ReasonCode})");
        Vap.LastFailure = new VapFailure(Ic.Now, $"{sta.MacAddress}: {failed.Why}", failed.ReasonCode);
        ManagementOutput.SendDeauthentication(Vap, sta, failed.Reason);
        Forget(sta);
    }

    protected override void ReceiveEapol(Ieee80211Node node, ReadOnlySpan<byte> eapol)
    {
        if (node.SecurityState is HandshakeRunner runner) runner.OnEapol(eapol);
        else Interlocked.Increment(ref Vap.Stats.RxDropped);
    }

    /// <summary>A TKIP Michael failure, found here or reported by a station in an EAPOL-Key error request — both
    /// count alike (12.5.2.4): two within 60 s start countermeasures: every station is deauthenticated
    /// (reason 14) and TKIP associations are refused for 60 s.</summary>
    private void OnMichaelFailure(Ieee80211Node node, bool reported)
    {
        Report(reported ? $"Michael MIC failure reported by {node.MacAddress}" : $"Michael MIC failure from {node.MacAddress}");
        if (!_countermeasures.ReportMicFailure()) return;
        Report("TKIP countermeasures: deauthenticating all stations for 60 s");
        foreach (var sta in Stations.ToList())
        {
            ManagementOutput.SendDeauthentication(Vap, sta, ReasonCode.MicFailure);
            Forget(sta);
        }
    }

    /// <summary>Removes a station with everything we keep for it (handshake, keys, AID).</summary>
    private void Forget(Ieee80211Node sta)
    {
        (sta.SecurityState as HandshakeRunner)?.Dispose();
        sta.SecurityState = null;
        Vap.Keys.DeletePairwise(sta);
        Ic.Nodes.Remove(sta);
    }

    /// <summary>Deauthenticates one station (hostapd_cli deauthenticate): it is told why and forgotten.
    /// False when no such station is known.</summary>
    public bool Deauthenticate(MacAddress station, ReasonCode reason)
    {
        if (Ic.Nodes.Find(Vap, station) is not { } node || node == Vap.Bss) return false;
        Report($"deauthenticating {station} (reason {(int)reason})");
        ManagementOutput.SendDeauthentication(Vap, node, reason);
        Forget(node);
        return true;
    }

    public override Packet? BuildBeacon()
    {
        if (Vap.State != Ieee80211State.Run || Vap.Bss is null) return null;
        var beacon = ManagementOutput.BuildBeacon(Vap, Vap.MacAddress, _dtimCount);
        _dtimCount = _dtimCount == 0 ? (byte)(Vap.DtimPeriod - 1) : (byte)(_dtimCount - 1);
        return beacon;
    }

    protected override void ReceiveManagement(Packet frame, in FrameHeader header, Ieee80211Node? node)
    {
        if (Vap.State != Ieee80211State.Run) return;
        var body = frame.Data[header.Length..];
        var from = header.TransmitterAddress;
        switch (header.FrameControl.ManagementSubtype)
        {
            case ManagementSubtype.ProbeRequest:
                OnProbeRequest(body, from);
                break;
            case ManagementSubtype.Authentication when header.Address1 == Vap.MacAddress:
                OnAuthentication(body, from, node, (frame.Meta.Flags & PacketFlags.Encrypted) != 0);
                break;
            case ManagementSubtype.AssociationRequest when header.Address1 == Vap.MacAddress:
            case ManagementSubtype.ReassociationRequest when header.Address1 == Vap.MacAddress:
                OnAssociationRequest(body, header.FrameControl.ManagementSubtype == ManagementSubtype.ReassociationRequest, from, node);
                break;
            case ManagementSubtype.Action when node is not null:
                HandleSaQuery(body, node, (frame.Meta.Flags & PacketFlags.Encrypted) != 0);
                break;
            case ManagementSubtype.Deauthentication when node is not null:
            case ManagementSubtype.Disassociation when node is not null:
                OnLeave(body, header.FrameControl.ManagementSubtype == ManagementSubtype.Deauthentication, node);
                break;
        }
    }

    private void OnProbeRequest(ReadOnlySpan<byte> body, MacAddress from)
    {
        if (!ProbeRequestFrame.TryRead(body, out var probe, out _) || !ParsedIes.TryParse(probe.Elements, out var ies, out _))
        {
            Interlocked.Increment(ref Vap.Stats.RxMalformed);
            return;
        }
        var ssid = ies.Ssid.Ssid;
        bool wildcard = ssid.IsEmpty;
        // A hidden BSS answers only probes that name it (IEEE 802.11-2020 11.1.4.3.4).
        if (wildcard ? (Vap.Flags & VapFlags.HideSsid) != 0 : !ssid.SequenceEqual(Vap.DesiredSsid)) return;
        var response = ManagementOutput.BuildBeacon(Vap, Vap.MacAddress, 0, probeResponseTo: from, revealSsid: !wildcard);
        var node = Ic.Nodes.Find(Vap, from) ?? Vap.Bss!;
        Ic.RawTransmit(node, response);
    }

    /// <summary>dot11AuthenticationResponseTimeOut (512 TU, Annex C): how long a Shared Key challenge waits
    /// for frame 3 before a late answer is refused with status 16.</summary>
    public static readonly TimeSpan SharedKeyChallengeLifetime = TimeSpan.FromTicks(512 * 1024 * TimeSpan.TicksPerMillisecond / 1000);

    /// <summary>Shared Key authentications refused because frame 3 did not prove the key (status 15).</summary>
    public long SharedKeyChallengeFailures { get; private set; }

    /// <summary>The challenge sent to a station in frame 2, kept on its node until frame 3 (FreeBSD's
    /// ni_challenge).</summary>
    private sealed record SharedKeyChallenge(byte[] Text, TimeSpan Issued);

    private void OnAuthentication(ReadOnlySpan<byte> body, MacAddress from, Ieee80211Node? node, bool wasProtected)
    {
        if (!AuthenticationFrame.TryRead(body, out var auth, out _))
        {
            Interlocked.Increment(ref Vap.Stats.RxMalformed);
            return;
        }
        // Our own address as the sender: forged, and answering it would touch our BSS node.
        if (from == Vap.MacAddress || node == Vap.Bss)
        {
            Interlocked.Increment(ref Vap.Stats.RxDropped);
            return;
        }
        // Only Shared Key frame 3 may be protected (12.3.3.3.4); anything else protected is not ours to answer.
        if (wasProtected && !(auth.Algorithm == AuthenticationAlgorithm.SharedKey && auth.TransactionSequence == 3))
        {
            Interlocked.Increment(ref Vap.Stats.RxDropped);
            return;
        }
        if (auth.Algorithm != _security.AuthAlgorithm)
        {
            // 12.3.3.1: an algorithm the BSS does not use is refused with status 13 — requests only (odd
            // sequence numbers), a stray response is not answered.
            if ((auth.TransactionSequence & 1) == 0) { Interlocked.Increment(ref Vap.Stats.RxDropped); return; }
            RefuseAuthentication(node ?? Ic.Nodes.Add(Vap, from), auth, StatusCode.UnsupportedAuthAlgorithm,
                $"algorithm {(ushort)auth.Algorithm} not allowed by authmode {Vap.Security.AuthMode.ToString().ToLowerInvariant()}");
            return;
        }
        if (auth.Algorithm == AuthenticationAlgorithm.SharedKey)
        {
            OnSharedKeyAuthentication(auth, from, node, wasProtected);
            return;
        }
        // Open System is one request, one response (12.3.3.2): another sequence number is ignored.
        if (auth.TransactionSequence != 1) { Interlocked.Increment(ref Vap.Stats.RxDropped); return; }
        if (BeginAuthentication(auth, from, node) is not { } admitted) return;
        node = admitted;
        node.Flags |= NodeFlags.Authenticated;
        node.InactivityReload = Vap.InactAuthTicks;
        node.Inactivity = node.InactivityReload;
        ManagementOutput.SendAuthentication(Vap, node, 2, StatusCode.Success);
    }

    /// <summary>Authenticated peers a VAP holds beyond <see cref="Ieee80211Vap.MaxStations"/> while they
    /// associate.</summary>
    public const int PendingAuthentications = 64;

    /// <summary>The first frame of either algorithm: the station's node (made if new), unless the ACL refuses it.
    /// A station that authenticates again starts over: it is no longer associated.</summary>
    private Ieee80211Node? BeginAuthentication(in AuthenticationFrame auth, MacAddress from, Ieee80211Node? node)
    {
        // Every peer that authenticates holds a node until it associates or times out (inact_auth). Room is kept
        // for MaxStations plus PendingAuthentications on their way in (so a full BSS still answers the next
        // station's association with status 17); beyond that a new peer is dropped and counted, so an
        // authentication flood from made-up addresses cannot grow the table without bound.
        if (node is null && Vap.NodeCount > Vap.MaxStations + PendingAuthentications)
        {
            Interlocked.Increment(ref Vap.Stats.RxNodeTableFull);
            return null;
        }
        node ??= Ic.Nodes.Add(Vap, from);
        node.Bssid = Vap.MacAddress;
        if (!Vap.Acl.Allows(from))
        {
            RefuseAuthentication(node, auth, StatusCode.RefusedReasonUnspecified, "MAC ACL");
            return null;
        }
        if ((node.Flags & NodeFlags.Associated) != 0) Disassociate(node);
        return node;
    }

    /// <summary>Shared Key authentication, responder side (12.3.3.3, FreeBSD hostap_auth_shared): frame 1 →
    /// frame 2 with a fresh 128-octet challenge; frame 3 (WEP-encapsulated, the challenge echoed) → frame 4,
    /// success or challenge failure. Each challenge is answered once.</summary>
    private void OnSharedKeyAuthentication(in AuthenticationFrame auth, MacAddress from, Ieee80211Node? node, bool wasProtected)
    {
        switch (auth.TransactionSequence)
        {
            case 1:
            {
                if (BeginAuthentication(auth, from, node) is not { } admitted) return;
                node = admitted;
                // Not authenticated until frame 3 proves the key.
                node.Flags &= ~NodeFlags.Authenticated;
                // 12.3.3.3.3: the challenge comes from the WEP PRNG in the standard; any good random source does.
                var text = new byte[ChallengeTextElement.SharedKeyLength];
                Ic.Random.Fill(text);
                node.SecurityState = new SharedKeyChallenge(text, Ic.Now);
                node.InactivityReload = Vap.InactInitTicks;
                node.Inactivity = node.InactivityReload;
                ManagementOutput.SendAuthentication(Vap, node, 2, StatusCode.Success, AuthenticationAlgorithm.SharedKey, text, null);
                return;
            }
            case 3:
            {
                if (node?.SecurityState is not SharedKeyChallenge pending)
                {
                    // Frame 3 with no frame 2 outstanding (12.3.3.3.4): out of sequence.
                    RefuseAuthentication(node ?? Ic.Nodes.Add(Vap, from), auth, StatusCode.TransactionSequenceError, "frame 3 without a challenge");
                    return;
                }
                node.SecurityState = null;
                if (Ic.Now - pending.Issued > SharedKeyChallengeLifetime)
                {
                    RefuseAuthentication(node, auth, StatusCode.RejectedSequenceTimeout, "challenge expired");
                    return;
                }
                // 12.3.3.3.4: frame 3 must be WEP-encapsulated; 12.3.3.3.5: its challenge must be ours, octet for octet.
                bool echoed = ChallengeTextElement.TryFind(auth.Elements, out var challenge, out _)
                              && challenge.Text.SequenceEqual(pending.Text);
                if (!wasProtected || !echoed)
                {
                    SharedKeyChallengeFailures++;
                    RefuseAuthentication(node, auth, StatusCode.ChallengeFailure, wasProtected ? "challenge text mismatch" : "challenge response not encrypted");
                    return;
                }
                node.Flags |= NodeFlags.Authenticated;
                node.InactivityReload = Vap.InactAuthTicks;
                node.Inactivity = node.InactivityReload;
                Report($"station {from} authenticated (shared key)");
                ManagementOutput.SendAuthentication(Vap, node, 4, StatusCode.Success, AuthenticationAlgorithm.SharedKey);
                return;
            }
            default:
                // Frames 2 and 4 are ours to send; anything else is out of sequence (12.3.3.3).
                RefuseAuthentication(node ?? Ic.Nodes.Add(Vap, from), auth, StatusCode.TransactionSequenceError, $"unexpected sequence {auth.TransactionSequence}");
                return;
        }
    }

    /// <summary>Frame 3 did not decrypt under our WEP key (bad ICV, unknown key ID): the station does not have
    /// the key, a challenge failure (12.3.3.3.5) — when a challenge was outstanding, else it is only a counted drop.</summary>
    protected override void UndecryptableAuthentication(MacAddress transmitter, Ieee80211Node? node)
    {
        if (Vap.State != Ieee80211State.Run || _security.AuthAlgorithm != AuthenticationAlgorithm.SharedKey || node?.SecurityState is not SharedKeyChallenge) return;
        node.SecurityState = null;
        SharedKeyChallengeFailures++;
        RefuseAuthentication(node, new AuthenticationFrame { Algorithm = AuthenticationAlgorithm.SharedKey, TransactionSequence = 3 },
            StatusCode.ChallengeFailure, "frame 3 does not decrypt with our WEP key");
    }

    /// <summary>Answers an authentication request with a refusal (sequence + 1) and forgets a station that
    /// was not authenticated before.</summary>
    private void RefuseAuthentication(Ieee80211Node node, in AuthenticationFrame request, StatusCode status, string why)
    {
        Report($"auth from {node.MacAddress} refused: {why} (status {(int)status})");
        node.Bssid = Vap.MacAddress;
        ManagementOutput.SendAuthentication(Vap, node, (ushort)(request.TransactionSequence + 1), status, request.Algorithm);
        if ((node.Flags & NodeFlags.Authenticated) == 0) Forget(node);
    }

    private void OnAssociationRequest(ReadOnlySpan<byte> body, bool reassociation, MacAddress from, Ieee80211Node? node)
    {
        if (node is null || (node.Flags & NodeFlags.Authenticated) == 0)
        {
            // Class 2 frame from a station that is not authenticated (11.3.3).
            node ??= Ic.Nodes.Add(Vap, from);
            ManagementOutput.SendDeauthentication(Vap, node, ReasonCode.InvalidClass2Frame);
            Ic.Nodes.Remove(node);
            return;
        }
        ReadOnlySpan<byte> elements;
        CapabilityInfo caps;
        ushort listen;
        if (reassociation)
        {
            if (!ReassociationRequestFrame.TryRead(body, out var r, out _)) { Interlocked.Increment(ref Vap.Stats.RxMalformed); return; }
            elements = r.Elements;
            caps = r.Capabilities;
            listen = r.ListenInterval;
        }
        else
        {
            if (!AssociationRequestFrame.TryRead(body, out var r, out _)) { Interlocked.Increment(ref Vap.Stats.RxMalformed); return; }
            elements = r.Elements;
            caps = r.Capabilities;
            listen = r.ListenInterval;
        }
        if (!ParsedIes.TryParse(elements, out var ies, out _))
        {
            Interlocked.Increment(ref Vap.Stats.RxMalformed);
            return;
        }
        if (!ies.Ssid.Ssid.SequenceEqual(Vap.DesiredSsid))
        {
            Refuse(node, reassociation, StatusCode.RefusedReasonUnspecified, "wrong SSID");
            return;
        }
        var theirs = new RateSet();
        foreach (byte r in ies.SupportedRates.Rates) theirs.TryAdd(r);
        foreach (byte r in ies.ExtendedSupportedRates.Rates) theirs.TryAdd(r);
        var ours = ManagementOutput.RatesFor(Vap);
        if (!ours.BasicRatesSupportedBy(theirs))
        {
            Refuse(node, reassociation, StatusCode.RefusedBasicRatesMismatch, "basic rates not supported");
            return;
        }
        NegotiatedSuite? suite = null;
        byte[]? staElement = null;
        if (_security.IsWpa)
        {
            if (_pmk is null || _gtk is null)
            {
                Refuse(node, reassociation, StatusCode.RefusedReasonUnspecified, "WPA not available (no PSK)");
                return;
            }
            if (_countermeasures.IsBlocked)
            {
                Refuse(node, reassociation, StatusCode.RefusedReasonUnspecified, "TKIP countermeasures in force");
                return;
            }
            var rsn = Elements.Rsn(elements);
            var element = rsn.IsEmpty ? Elements.Wpa(elements) : rsn;
            if (element.IsEmpty)
            {
                Refuse(node, reassociation, StatusCode.InvalidElement, "no RSN element: the BSS requires WPA");
                return;
            }
            if (!RsnNegotiation.TryAccept(_security.Configuration, element, out suite, out var refusal))
            {
                Refuse(node, reassociation, refusal.Status, refusal.Why);
                return;
            }
            staElement = element.ToArray();
        }
        if (node.AssociationId == 0)
        {
            ushort aid = Vap.Aids.Allocate();
            if (aid == 0)
            {
                Refuse(node, reassociation, StatusCode.DeniedNoMoreStas, $"BSS full ({Vap.MaxStations} stations)");
                return;
            }
            node.AssociationId = aid;
        }
        bool isNew = (node.Flags & NodeFlags.Associated) == 0;
        node.Flags |= NodeFlags.Associated;
        if (!_security.IsWpa) node.Flags |= NodeFlags.Authorized;
        else node.Flags &= ~NodeFlags.Authorized;
        node.RsnElement = staElement;
        node.MfpEnabled = suite?.ManagementFrameProtection ?? false;
        Vap.Keys.DeletePairwise(node);
        bool qos = (Vap.Flags & VapFlags.Wme) != 0 && (ies.Has(ParsedElements.WmmInformation) || ies.Has(ParsedElements.WmmParameter));
        node.Flags = qos ? node.Flags | NodeFlags.Qos : node.Flags & ~NodeFlags.Qos;
        node.CapabilityInfo = (ushort)caps;
        node.ListenInterval = listen;
        node.Rates = ours.Intersect(theirs);
        node.Channel = Ic.CurrentChannel;
        node.InactivityReload = Vap.InactRunTicks;
        node.Inactivity = node.InactivityReload;
        node.ResetSequenceState();
        Vap.RateControl?.NodeInit(node);
        ManagementOutput.SendAssociationResponse(Vap, node, reassociation, StatusCode.Success);
        Ic.Driver.NewAssoc(node, isNew);
        Report($"station {node.MacAddress} {(reassociation ? "reassociated" : "associated")}, aid {node.AssociationId}");
        if (suite is not null) StartHandshake(node, suite, staElement!);
    }

    private void Refuse(Ieee80211Node node, bool reassociation, StatusCode status, string why)
    {
        Report($"association from {node.MacAddress} refused: {why} (status {(int)status})");
        ManagementOutput.SendAssociationResponse(Vap, node, reassociation, status);
    }

    private void OnLeave(ReadOnlySpan<byte> body, bool deauth, Ieee80211Node node)
    {
        DeauthenticationFrame.TryRead(body, out var f, out _);
        Report($"station {node.MacAddress} {(deauth ? "deauthenticated" : "disassociated")} (reason {(int)f.ReasonCode})");
        if (deauth) Forget(node);
        else Disassociate(node);
    }

    private void Disassociate(Ieee80211Node node)
    {
        if (node.AssociationId != 0) Vap.Aids.Free(node.AssociationId);
        node.AssociationId = 0;
        node.Flags &= ~(NodeFlags.Associated | NodeFlags.Authorized);
        node.InactivityReload = Vap.InactAuthTicks;
        (node.SecurityState as HandshakeRunner)?.Dispose();
        node.SecurityState = null;
        Vap.Keys.DeletePairwise(node);
    }

    protected override void ReceiveData(Packet frame, in FrameHeader header, Ieee80211Node? node)
    {
        var fc = header.FrameControl;
        if (Vap.State != Ieee80211State.Run || !fc.ToDs || fc.FromDs || header.Address1 != Vap.MacAddress)
        {
            Drop(frame, ref Vap.Stats.RxWrongDirection);
            return;
        }
        if (node is null || (node.Flags & NodeFlags.Associated) == 0)
        {
            // Class 3 frame from a station that is not associated (11.3.3): tell it so.
            var n = node ?? Ic.Nodes.Add(Vap, header.TransmitterAddress);
            ManagementOutput.SendDeauthentication(Vap, n, ReasonCode.InvalidClass3Frame);
            if ((n.Flags & NodeFlags.Authenticated) == 0) Ic.Nodes.Remove(n);
            Drop(frame, ref Vap.Stats.RxNotAssociated);
            return;
        }
        if (fc.DataSubtype is DataSubtype.Null or DataSubtype.QosNull)
        {
            frame.Free(); // keep-alive / power-save signalling: the inactivity reload already happened
            return;
        }
        if (!Data.TryDecapsulate(frame, node, out var msdu, out var destination)) return;
        if (FrameCrypto.IsEapol(msdu.Data) || (Vap.Security.Privacy && (node.Flags & NodeFlags.Authorized) == 0))
        {
            // The handshake, or anything from a station whose port is still closed: never relayed.
            DeliverOrHandle(msdu, node);
            return;
        }

        // apbridge: frames for another station of ours go straight back out; group frames go both up and out.
        if ((Vap.Flags & VapFlags.ApBridge) != 0)
        {
            if (destination.IsGroup)
            {
                Data.Transmit(msdu.Clone(), Vap.Bss!, DataDirection.FromAp);
            }
            else if (destination != Vap.MacAddress && Ic.Nodes.Find(Vap, destination) is { } peer && (peer.Flags & NodeFlags.Associated) != 0)
            {
                Data.Transmit(msdu, peer, DataDirection.FromAp);
                return;
            }
        }
        DeliverOrHandle(msdu, node);
    }

    /// <summary>From the AP's own interface: unicast to an associated station, group frames to all.</summary>
    public override void Output(Packet ethernetFrame)
    {
        if (Vap.State != Ieee80211State.Run || Vap.Bss is null)
        {
            Drop(ethernetFrame, ref Vap.Stats.TxNotRunning);
            return;
        }
        var destination = MacAddress.Read(ethernetFrame.Data);
        if (destination.IsGroup)
        {
            Data.Transmit(ethernetFrame, Vap.Bss, DataDirection.FromAp);
            return;
        }
        if (Ic.Nodes.Find(Vap, destination) is not { } node || (node.Flags & NodeFlags.Associated) == 0)
        {
            Drop(ethernetFrame, ref Vap.Stats.TxNoNode);
            return;
        }
        Data.Transmit(ethernetFrame, node, DataDirection.FromAp);
    }

    public override void NodeInactive(Ieee80211Node node, bool probeOnly)
    {
        if (probeOnly)
        {
            ManagementOutput.SendNullData(Vap, node);
            return;
        }
        Report($"station {node.MacAddress} inactive, deauthenticating (reason {(int)ReasonCode.Inactivity})");
        if ((node.Flags & NodeFlags.Authenticated) != 0) ManagementOutput.SendDeauthentication(Vap, node, ReasonCode.Inactivity);
        Forget(node);
    }
}

public sealed class HostApModeModule : IOpModeModule
{
    public OpMode Mode => OpMode.HostAp;
    public IOpMode Attach(Ieee80211Vap vap) => new HostApMode(vap);
}

using Net80211.Frames;
using Net80211.Modules;
using Net80211.Nodes;
using Net80211.Output;
using Net80211.Packets;
using Net80211.Radio;
using Net80211.Rates;
using Net80211.Scan;
using Net80211.Scheduling;
using Net80211.StateMachine;
using Net80211.Crypto.Rsn;
using Net80211.Crypto.Tkip;
using Net80211.Security;
using Net80211.Vap.Common;
using Net80211.Vap.Security;
using Net80211.Vaps;

namespace Net80211.Vap.Station;

/// <summary>
/// Station mode (ieee80211_sta.c). The transitions and the frames each one sends follow FreeBSD's
/// sta_newstate:
/// <list type="bullet">
/// <item>SCAN: scan for the desired SSID (directed probes find hidden networks), pick the best BSS; none →
/// scan again after a growing backoff.</item>
/// <item>AUTH: send Authentication (open system, or shared key with authmode shared: seq 1, then the
/// challenge back WEP-encapsulated in seq 3); retried on timeout, then the BSS is put in backoff
/// and we rescan. Also entered from RUN/ASSOC when the AP deauthenticates us.</item>
/// <item>ASSOC: send (Re)Association Request; a refusal (status code) puts the BSS in backoff and we rescan,
/// so another AP is tried. Also entered from RUN when the AP disassociates us.</item>
/// <item>RUN: associated; beacons are watched (beacon miss → directed probe → rescan when roaming is auto).</item>
/// <item>INIT: from RUN send Disassociation (reason 8), from AUTH/ASSOC Deauthentication (reason 3), unless
/// the device is being restarted.</item>
/// </list>
/// </summary>
public sealed class StationMode : OpModeBase, IScanClient
{
    /// <summary>How long to wait for an Authentication/Association response, and how many tries.</summary>
    public static readonly TimeSpan ResponseTimeout = TimeSpan.FromMilliseconds(500);
    public const int MaxTries = 3;
    /// <summary>After a failed join the BSS is skipped this long, so another one is tried.</summary>
    public static readonly TimeSpan JoinFailureBackoff = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan MinScanBackoff = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxScanBackoff = TimeSpan.FromSeconds(8);
    private static readonly TimeSpan ScannerBusyRetry = TimeSpan.FromMilliseconds(250);

    private readonly Callout _timer;
    private readonly Callout _beaconMiss;
    private int _tries;
    private int _beaconMissEvents;
    private TimeSpan _scanBackoff = MinScanBackoff;
    private bool _reassociate;
    private readonly Callout _saQuery;
    private ushort _saQueryId;
    private int _saQueryTries;
    /// <summary>SA Query: retry interval and the give-up time (dot11AssociationSAQueryRetryTimeout 201 TU,
    /// MaximumTimeout 1000 TU).</summary>
    private static readonly TimeSpan SaQueryRetry = TimeSpan.FromMilliseconds(201 * 1.024);
    private const int SaQueryMaxTries = 5;
    private readonly SecurityContext _security;
    private HandshakeRunner? _handshake;
    private NegotiatedSuite? _suite;
    private byte[]? _apSecurityElement;
    private bool _waitingForScanner;
    /// <summary>Michael MIC failures we found (12.5.2.4): the second within 60 s makes us leave and keep away
    /// from TKIP for 60 s.</summary>
    private readonly TkipCountermeasures _countermeasures;
    /// <summary>The authentication transaction sequence number we wait for: 2, or 4 in Shared Key.</summary>
    private ushort _expectedAuthSequence = 2;

    public StationMode(Ieee80211Vap vap) : base(vap)
    {
        _timer = Ic.CreateCallout();
        _beaconMiss = Ic.CreateCallout();
        _security = new SecurityContext(vap);
        _saQuery = Ic.CreateCallout();
        _countermeasures = new TkipCountermeasures(Ic.Time);
        Data.MsduMicFailed = OnMichaelFailure;
    }

    /// <summary>The negotiated security suite of the current association (null when open or not joined).</summary>
    public NegotiatedSuite? Suite => _suite;

    public override Ieee80211State InitialState => Ieee80211State.Scan;

    /// <summary>The AP we are joining or joined, null while scanning.</summary>
    public Ieee80211Node? AccessPoint => Vap.Bss is { } b && (b.Flags & NodeFlags.Bss) != 0 && b.MacAddress != Vap.MacAddress ? b : null;

    public long BeaconMisses { get; private set; }

    private static readonly RateSet AllRates = RateSet.From([2, 4, 11, 22, 12, 18, 24, 36, 48, 72, 96, 108]);

    public override int NewState(Ieee80211State from, Ieee80211State to, TransitionReason reason)
    {
        _timer.Stop();
        if (to != Ieee80211State.Run) { _beaconMiss.Stop(); _saQuery.Stop(); }
        // Keys and handshake belong to one association: gone when we leave RUN; the suite chosen at join
        // time survives a re-authentication with the same AP.
        if (to is Ieee80211State.Init or Ieee80211State.Scan) ResetSecurity(keepSuite: false);
        else if (from == Ieee80211State.Run && to != Ieee80211State.Run) ResetSecurity(keepSuite: true);
        if (from == Ieee80211State.Init && to != Ieee80211State.Init && !InstallStaticKeys()) return 0;
        if (to != Ieee80211State.Scan && Ic.Scanner.IsScanningFor(this)) Ic.Scanner.Cancel();
        switch (to)
        {
            case Ieee80211State.Init:
                Leave(from, reason);
                break;
            case Ieee80211State.Scan:
                if (from != Ieee80211State.Scan && from != Ieee80211State.Init) DropAccessPoint();
                if (from != Ieee80211State.Scan) _scanBackoff = MinScanBackoff;
                StartScan();
                break;
            case Ieee80211State.Auth:
                if (from != Ieee80211State.Auth) _tries = 0;
                if (from is Ieee80211State.Run or Ieee80211State.Assoc && AccessPoint is { } ap)
                    ap.Flags &= ~(NodeFlags.Associated | NodeFlags.Authorized | NodeFlags.Authenticated);
                SendAuth();
                break;
            case Ieee80211State.Assoc:
                if (from != Ieee80211State.Assoc) _tries = 0;
                // Reassociation only when the AP dropped just our association (disassociation in RUN);
                // after authentication the association starts afresh (sta_newstate).
                if (from != Ieee80211State.Assoc) _reassociate = from == Ieee80211State.Run;
                SendAssoc();
                break;
            case Ieee80211State.Run:
                EnterRun(from);
                break;
        }
        return 0;
    }

    // ---- SCAN ----

    private void StartScan()
    {
        // Another VAP of this radio is running (an AP, a joined station): the radio must stay on its
        // channel, so scan only that one rather than take the other VAP off the air.
        var channels = Vap.DesiredChannel is { } ch ? [ch]
            : Ic.Vaps.Any(v => v != Vap && v.State == Ieee80211State.Run && v.Mode != OpMode.Monitor) && Ic.CurrentChannel is { } cur ? [cur]
            : (IReadOnlyList<Channels.Ieee80211Channel>?)null;
        var request = new ScanRequest
        {
            Ssids = Vap.DesiredSsid.Length > 0 ? [Vap.DesiredSsid] : [],
            Channels = channels,
        };
        if (!Ic.Scanner.TryStart(request, this, out var error))
        {
            // The radio is scanning for another VAP: wait for it to finish (its results land in the same cache).
            if (!_waitingForScanner) Report($"waiting to scan: {error}");
            _waitingForScanner = true;
            _timer.Reset(ScannerBusyRetry, static s => ((StationMode)s!).StartScanIfStillScanning(), this);
            return;
        }
        _waitingForScanner = false;
    }

    private void StartScanIfStillScanning()
    {
        if (Vap.State == Ieee80211State.Scan) StartScan();
    }

    public void SendProbeRequest(Channels.Ieee80211Channel channel, ReadOnlySpan<byte> ssid)
    {
        var self = SelfNode();
        ManagementOutput.SendProbeRequest(Vap, self, ssid, MacAddress.Broadcast, MacAddress.Broadcast);
    }

    public void ScanCompleted(ScanCompletion result)
    {
        if (Vap.State != Ieee80211State.Scan) return;
        var cache = Ic.ScanCache;
        cache.Age(Vap.ScanValid);
        var criteria = new BssCriteria(
            Ssid: Vap.DesiredSsid.Length > 0 ? Vap.DesiredSsid : null,
            DesiredBssid: Vap.DesiredBssid,
            DesiredChannel: Vap.DesiredChannel,
            Privacy: (Vap.Flags & VapFlags.Privacy) != 0 || Vap.Security.Privacy,
            RequiredSecurity: Vap.Security.AuthMode switch
            {
                AuthMode.Wpa => ScanSecurity.Wpa2 | (Vap.Security.Wpa1 ? ScanSecurity.Wpa : ScanSecurity.Open),
                AuthMode.Wep or AuthMode.Shared => ScanSecurity.Wep,
                _ => ScanSecurity.Open,
            },
            // Every rate the radio has, not just the band it happens to be tuned to after the scan: each BSS
            // is judged against the rates of its own band, and Join narrows to them.
            OurRates: AllRates,
            IbssMode: false);
        var chosen = BssSelector.Select(cache.Entries, criteria, Ic.Now, out var rejected);
        if (chosen is null)
        {
            // A network skipped only because a join with it just failed: that failure is the news, keep it.
            if (!rejected.Any(r => r.Why == BssRejection.Failed))
                Vap.LastFailure = new VapFailure(Ic.Now, $"no suitable network found ({cache.Entries.Count} seen, {rejected.Count} rejected)");
            Report($"scan done: no suitable BSS ({cache.Entries.Count} seen, {rejected.Count} rejected), next scan in {_scanBackoff.TotalSeconds:0.#} s");
            _timer.Reset(_scanBackoff, static s => ((StationMode)s!).Rescan(), this);
            _scanBackoff = TimeSpan.FromTicks(Math.Min(_scanBackoff.Ticks * 2, MaxScanBackoff.Ticks));
            return;
        }
        result.KeepChannel = true;
        Join(chosen);
    }

    private void Rescan()
    {
        if (Vap.State == Ieee80211State.Scan) RequestState(Ieee80211State.Scan, new TransitionReason(TransitionCause.Timeout));
    }

    /// <summary>ieee80211_sta_join: make the chosen BSS our BSS node, tune to it, authenticate.</summary>
    private void Join(ScanEntry bss)
    {
        if (_security.IsWpa && !NegotiateWith(bss)) return;
        if (Ic.CurrentChannel != bss.Channel) Ic.SetCurrentChannel(bss.Channel);
        Ic.BssChannel = bss.Channel;
        DropAccessPoint();
        var ap = Ic.Nodes.Add(Vap, bss.Bssid);
        ap.Bssid = bss.Bssid;
        ap.Ssid = Vap.DesiredSsid.Length > 0 ? Vap.DesiredSsid : bss.Ssid;
        ap.Channel = bss.Channel;
        ap.BeaconInterval = bss.BeaconIntervalTu;
        ap.CapabilityInfo = bss.CapabilityInfo;
        ap.Rates = ManagementOutput.RatesFor(Vap).Intersect(bss.Rates);
        ap.Flags = NodeFlags.Bss | ((Vap.Flags & VapFlags.Wme) != 0 && bss.HasWmm ? NodeFlags.Qos : NodeFlags.None);
        ap.RecordRssi((int)Math.Round(bss.RssiDbm));
        ap.RsnElement = _apSecurityElement;
        ap.MfpEnabled = _suite?.ManagementFrameProtection ?? false;
        Vap.Bss = ap;
        Report($"joining {bss.Bssid} \"{Ssid.Format(ap.Ssid)}\" channel {bss.Channel.Ieee} rssi {bss.RssiDbm:0} dBm");
        RequestState(Ieee80211State.Auth, new TransitionReason(TransitionCause.ScanDone));
    }

    /// <summary>Picks the suite for this BSS from its RSN/WPA element and our configuration; a BSS we cannot
    /// agree with is put in backoff and the scan goes on.</summary>
    private bool NegotiateWith(ScanEntry bss)
    {
        var config = _security.Configuration;
        var rsn = Elements.Rsn(bss.InformationElements);
        var wpa = Elements.Wpa(bss.InformationElements);
        string? error = null;
        var backoff = JoinFailureBackoff;
        if (!RsnNegotiation.TrySelect(config, rsn, wpa, out var suite, out var refusal)) error = $"no common security suite with {bss.Bssid}: {refusal.Why}";
        else if (!_security.TryGetPmk(Vap.DesiredSsid.Length > 0 ? Vap.DesiredSsid : bss.Ssid, out _, out var pmkError)) error = $"cannot make the PSK: {pmkError}";
        // 12.5.2.4: while our TKIP countermeasures last, no TKIP association with any AP.
        else if (_countermeasures.IsBlocked && (suite!.PairwiseCipher is CipherSuite.Tkip or CipherSuite.WpaTkip || suite.GroupCipher is CipherSuite.Tkip or CipherSuite.WpaTkip))
        {
            backoff = _countermeasures.Remaining;
            error = $"TKIP countermeasures in force for {Math.Ceiling(backoff.TotalSeconds):0} s more: not joining {bss.Bssid}";
        }
        if (error is not null)
        {
            Ic.ScanCache.MarkFailure(bss.Bssid, backoff);
            Vap.LastFailure = new VapFailure(Ic.Now, error);
            Report(error);
            _timer.Reset(_scanBackoff, static s => ((StationMode)s!).Rescan(), this);
            return false;
        }
        _suite = suite;
        _apSecurityElement = (suite!.Protocol == RsnProtocol.Wpa ? wpa : rsn).ToArray();
        Vap.RsnElement = RsnElementBuilder.ForAssociation(config, suite);
        return true;
    }

    /// <summary>authmode wep: the static keys go in when the VAP starts.</summary>
    private bool InstallStaticKeys()
    {
        if (Vap.Security.AuthMode is not (AuthMode.Wep or AuthMode.Shared)) return true;
        if (_security.InstallStaticWepKeys(out var error)) return true;
        Vap.LastFailure = new VapFailure(Ic.Now, $"WEP keys: {error}");
        Report($"cannot start: WEP keys: {error}");
        return false;
    }

    /// <summary>Drops the handshake and the keys of the current association.</summary>
    private void ResetSecurity(bool keepSuite)
    {
        _handshake?.Dispose();
        _handshake = null;
        if (!_security.IsWpa) return;
        if (AccessPoint is { } ap) Vap.Keys.DeletePairwise(ap);
        Vap.Keys.Clear();
        if (!keepSuite)
        {
            _suite = null;
            _apSecurityElement = null;
        }
    }

    /// <summary>Associated with a WPA/WPA2 AP: wait for its message 1 (the port stays closed until the 4-way
    /// handshake completes).</summary>
    private void StartHandshake(Ieee80211Node ap)
    {
        if (!_security.TryGetPmk(ap.Ssid, out var pmk, out var error) || _suite is null || _apSecurityElement is null || Vap.RsnElement is null)
        {
            Fail($"cannot start the 4-way handshake: {error}", 0, new TransitionReason(TransitionCause.SecurityFailure));
            return;
        }
        var supplicant = new Supplicant(new SupplicantConfig
        {
            Pmk = pmk!,
            OwnRsnElement = Vap.RsnElement,
            OwnAddress = Vap.MacAddress,
            AuthenticatorAddress = ap.MacAddress,
            AuthenticatorRsnElement = _apSecurityElement,
            Suite = _suite,
            NonceSource = Ic.Random.Fill,
        });
        ap.EapolInClear = true;
        _handshake = new HandshakeRunner(_security, ap, _suite, supplicant, null,
            frame => SendEapol(ap, frame, DataDirection.ToAp),
            kind => HandshakeCompleted(ap, kind),
            failed => HandshakeFailed(ap, failed));
        _handshake.Start();
    }


    private void HandshakeCompleted(Ieee80211Node ap, HandshakeKind kind)
    {
        if (kind == HandshakeKind.FourWay)
        {
            ap.Flags |= NodeFlags.Authorized;
            Report($"{(_suite!.Protocol == RsnProtocol.Wpa ? "WPA" : "WPA2")} 4-way handshake with {ap.Bssid} complete: {_suite.PairwiseCipher}/{_suite.Akm}{(_suite.ManagementFrameProtection ? " PMF" : "")}");
        }
        else Report($"group key from {ap.Bssid} updated");
    }

    private void HandshakeFailed(Ieee80211Node ap, Failed failed)
    {
        Report($"4-way handshake with {ap.Bssid} failed: {failed.Why} (reason {failed.ReasonCode})");
        if (Vap.State == Ieee80211State.Run) ManagementOutput.SendDeauthentication(Vap, ap, failed.Reason);
        Fail($"WPA handshake failed: {failed.Why}", failed.ReasonCode, new TransitionReason(TransitionCause.SecurityFailure, ReasonCode: failed.ReasonCode));
    }

    /// <summary>
    /// A TKIP Michael MIC failure in a frame from our AP (FreeBSD ieee80211_notify_michael_failure, handled as
    /// wpa_supplicant does): report it to the AP in an EAPOL-Key error request (12.5.2.4), which counts it
    /// toward its countermeasures. A second failure within 60 s: after the report, deauthenticate (reason 14)
    /// and make no TKIP association for 60 s.
    /// </summary>
    private void OnMichaelFailure(Ieee80211Node node, bool pairwise)
    {
        if (node != AccessPoint || Vap.State != Ieee80211State.Run) return;
        bool reported = _handshake?.ReportMichaelFailure(pairwise) ?? false;
        Report($"Michael MIC failure in a frame from {node.Bssid} ({(pairwise ? "pairwise" : "group")} key){(reported ? ", reported to the AP" : "")}");
        if (!_countermeasures.ReportMicFailure()) return;
        Report($"{CountermeasuresStarted}: leaving {node.Bssid}, no TKIP association for {TkipCountermeasures.BlockDuration.TotalSeconds:0} s");
        Ic.ScanCache.MarkFailure(node.MacAddress, TkipCountermeasures.BlockDuration);
        // The report has to reach the AP (it counts toward the AP's countermeasures) before we go: leaving RUN
        // starts a scan that takes the radio off the channel. wpa_supplicant waits the same way.
        _timer.Reset(CountermeasuresLeaveDelay, static s => ((StationMode)s!).LeaveForCountermeasures(deauthSent: false), this);
    }

    private const string CountermeasuresStarted = "TKIP countermeasures: two Michael MIC failures within 60 s";
    /// <summary>Time given to the failure report, then to the deauthentication, to leave on the AP's channel.</summary>
    private static readonly TimeSpan CountermeasuresLeaveDelay = TimeSpan.FromMilliseconds(10);

    private void LeaveForCountermeasures(bool deauthSent)
    {
        if (Vap.State != Ieee80211State.Run || AccessPoint is not { } ap) return;
        if (!deauthSent)
        {
            ManagementOutput.SendDeauthentication(Vap, ap, ReasonCode.MicFailure);
            _timer.Reset(CountermeasuresLeaveDelay, static s => ((StationMode)s!).LeaveForCountermeasures(deauthSent: true), this);
            return;
        }
        Vap.LastFailure = new VapFailure(Ic.Now, CountermeasuresStarted, (ushort)ReasonCode.MicFailure);
        RequestState(Ieee80211State.Scan, new TransitionReason(TransitionCause.SecurityFailure, ReasonCode: (ushort)ReasonCode.MicFailure));
    }

    /// <summary>TKIP countermeasures are in force here (after two Michael MIC failures within 60 s).</summary>
    public bool TkipCountermeasuresActive => _countermeasures.IsBlocked;

    /// <summary>11.13: an unprotected deauthentication/disassociation "from" our MFP AP. Ask it with
    /// protected SA Queries; an answer proves the association is alive and the frame was forged, silence
    /// means the AP really dropped us.</summary>
    protected override void UnprotectedDisconnect(Ieee80211Node node)
    {
        if (node != AccessPoint || Vap.State != Ieee80211State.Run || _saQuery.Pending) return;
        Span<byte> id = stackalloc byte[2];
        Ic.Random.Fill(id);
        _saQueryId = (ushort)(id[0] | id[1] << 8);
        _saQueryTries = 0;
        Report($"unprotected disconnect from {node.Bssid} under PMF: SA Query");
        SaQueryTick();
    }

    private void SaQueryTick()
    {
        if (Vap.State != Ieee80211State.Run || AccessPoint is not { } ap) return;
        if (_saQueryTries++ >= SaQueryMaxTries)
        {
            Fail($"SA Query to {ap.Bssid} unanswered: association lost", 0, new TransitionReason(TransitionCause.Timeout));
            return;
        }
        ManagementOutput.SendSaQuery(Vap, ap, response: false, _saQueryId);
        _saQuery.Reset(SaQueryRetry, static s => ((StationMode)s!).SaQueryTick(), this);
    }

    protected override void SaQueryAnswered(Ieee80211Node node, ushort transactionId)
    {
        if (node != AccessPoint || !_saQuery.Pending || transactionId != _saQueryId) return;
        _saQuery.Stop();
        Report($"SA Query answered by {node.Bssid}: association intact, the disconnect was not genuine");
    }

    protected override void ReceiveEapol(Ieee80211Node node, ReadOnlySpan<byte> eapol)
    {
        if (_handshake is { } h && node == AccessPoint) h.OnEapol(eapol);
        else Interlocked.Increment(ref Vap.Stats.RxDropped);
    }

    // ---- AUTH / ASSOC ----

    private void SendAuth()
    {
        if (AccessPoint is not { } ap) { RequestState(Ieee80211State.Scan, TransitionReason.None); return; }
        _tries++;
        _expectedAuthSequence = 2;
        ManagementOutput.SendAuthentication(Vap, ap, 1, StatusCode.Success, _security.AuthAlgorithm);
        _timer.Reset(ResponseTimeout, static s => ((StationMode)s!).ResponseTimedOut(), this);
    }

    /// <summary>An Authentication frame from our AP while in AUTH (sta_auth_open / sta_auth_shared): frame 2
    /// ends Open System; for Shared Key frame 2 brings the challenge we return WEP-encapsulated in frame 3,
    /// and frame 4 has the verdict.</summary>
    private void OnAuthentication(ReadOnlySpan<byte> body, Ieee80211Node ap, ManagementSubtype subtype)
    {
        if (!AuthenticationFrame.TryRead(body, out var auth, out _)) { Interlocked.Increment(ref Vap.Stats.RxMalformed); return; }
        // A refusal may name any algorithm (an AP refusing ours with status 13 echoes it); a success must be
        // the exchange we started, at the step we are at.
        if (auth.TransactionSequence != _expectedAuthSequence || (auth.StatusCode == StatusCode.Success && auth.Algorithm != _security.AuthAlgorithm))
        {
            Interlocked.Increment(ref Vap.Stats.RxDropped);
            return;
        }
        var reason = new TransitionReason(TransitionCause.FrameReceived, StatusCode: (ushort)auth.StatusCode, ManagementSubtype: (byte)subtype);
        if (auth.StatusCode != StatusCode.Success)
        {
            Fail($"{(auth.Algorithm == AuthenticationAlgorithm.SharedKey ? "shared key " : "")}authentication refused by {ap.Bssid}{AuthStatusWords(auth.StatusCode)}",
                (ushort)auth.StatusCode, reason, VapFailureKind.Status);
            return;
        }
        if (auth.Algorithm == AuthenticationAlgorithm.SharedKey && auth.TransactionSequence == 2)
        {
            // 12.3.3.3.3: frame 2 carries the challenge text; without one the exchange cannot go on.
            if (!ChallengeTextElement.TryFind(auth.Elements, out var challenge, out _))
            {
                Interlocked.Increment(ref Vap.Stats.RxMalformed);
                Fail($"shared key authentication with {ap.Bssid}: no challenge text in frame 2", 0, reason);
                return;
            }
            // 12.3.3.3.4: the challenge goes back in frame 3, WEP-encapsulated with the default transmit key.
            if (Vap.Keys.GroupTransmitKey is not { } wep)
            {
                Fail($"shared key authentication with {ap.Bssid}: no WEP transmit key", 0, reason);
                return;
            }
            _expectedAuthSequence = 4;
            ManagementOutput.SendAuthentication(Vap, ap, 3, StatusCode.Success, AuthenticationAlgorithm.SharedKey, challenge.Text, wep);
            _timer.Reset(ResponseTimeout, static s => ((StationMode)s!).ResponseTimedOut(), this);
            return;
        }
        ap.Flags |= NodeFlags.Authenticated;
        RequestState(Ieee80211State.Assoc, new TransitionReason(TransitionCause.FrameReceived, ManagementSubtype: (byte)subtype));
    }

    /// <summary>The authentication status codes (Table 9-50) a user can act on, in words.</summary>
    private static string AuthStatusWords(StatusCode status) => status switch
    {
        StatusCode.UnsupportedAuthAlgorithm => ": authentication algorithm not supported by the AP — check authmode open/shared",
        StatusCode.TransactionSequenceError => ": authentication frame out of sequence",
        StatusCode.ChallengeFailure => ": challenge failure — the WEP key is probably wrong",
        StatusCode.RejectedSequenceTimeout => ": timeout waiting for the next authentication frame",
        _ => "",
    };

    private void SendAssoc()
    {
        if (AccessPoint is not { } ap) { RequestState(Ieee80211State.Scan, TransitionReason.None); return; }
        _tries++;
        ManagementOutput.SendAssociationRequest(Vap, ap, reassociation: _reassociate, currentAp: ap.MacAddress);
        _timer.Reset(ResponseTimeout, static s => ((StationMode)s!).ResponseTimedOut(), this);
    }

    private void ResponseTimedOut()
    {
        var state = Vap.State;
        if (state is not (Ieee80211State.Auth or Ieee80211State.Assoc)) return;
        var reason = new TransitionReason(TransitionCause.Timeout);
        if (_tries < MaxTries)
        {
            RequestState(state, reason);   // retry: AUTH -> AUTH, ASSOC -> ASSOC
            return;
        }
        Fail($"{(state == Ieee80211State.Auth ? "authentication" : "association")} timed out after {_tries} tries", 0, reason);
    }

    /// <summary>The join failed: skip this BSS for a while and rescan, so another one is tried.</summary>
    private void Fail(string what, ushort code, TransitionReason reason, VapFailureKind kind = VapFailureKind.Local)
    {
        if (AccessPoint is { } ap) Ic.ScanCache.MarkFailure(ap.MacAddress, JoinFailureBackoff);
        Vap.LastFailure = new VapFailure(Ic.Now, what, code, kind);
        Report(kind == VapFailureKind.Status ? $"{what} (status {code})" : what);
        RequestState(Ieee80211State.Scan, reason);
    }

    private void EnterRun(Ieee80211State from)
    {
        var ap = AccessPoint!;
        ap.Flags |= NodeFlags.Associated | NodeFlags.Authenticated;
        if (!_security.IsWpa) ap.Flags |= NodeFlags.Authorized;
        ap.InactivityReload = Vap.InactRunTicks;
        ap.ResetSequenceState();
        Ic.ScanCache.ClearFailure(ap.MacAddress);
        _beaconMissEvents = 0;
        _scanBackoff = MinScanBackoff;
        ResetBeaconMiss();
        Vap.RateControl?.NodeInit(ap);
        Ic.Driver.NewAssoc(ap, from != Ieee80211State.Run);
        Report($"associated with {ap.Bssid} aid {ap.AssociationId}");
        if (_security.IsWpa) StartHandshake(ap);
    }

    // ---- leaving ----

    private void Leave(Ieee80211State from, TransitionReason reason)
    {
        if (AccessPoint is { } ap && reason.Cause != TransitionCause.Restart)
        {
            if (from == Ieee80211State.Run) ManagementOutput.SendDisassociation(Vap, ap, ReasonCode.LeavingNetworkDisassoc);
            else if (from is Ieee80211State.Assoc or Ieee80211State.Auth) ManagementOutput.SendDeauthentication(Vap, ap, ReasonCode.LeavingNetworkDeauth);
        }
        DropAccessPoint();
        _reassociate = false;
    }

    private void DropAccessPoint()
    {
        if (AccessPoint is { } ap) Ic.Nodes.Remove(ap);
        Vap.Bss = SelfNode();
    }

    /// <summary>Our own node, used as iv_bss while not joined (probe requests go out through it).</summary>
    private Ieee80211Node SelfNode()
    {
        var self = Ic.Nodes.Find(Vap, Vap.MacAddress) ?? Ic.Nodes.Add(Vap, Vap.MacAddress);
        self.Bssid = MacAddress.Broadcast;
        return self;
    }

    // ---- beacon miss ----

    private TimeSpan BeaconMissPeriod
        => TimeSpan.FromTicks((AccessPoint?.BeaconInterval ?? Vap.BeaconIntervalTu) * 1024L * 10 * Math.Max(1, Vap.BeaconMissThreshold));

    private void ResetBeaconMiss()
    {
        _beaconMissEvents = 0;
        _beaconMiss.Reset(BeaconMissPeriod, static s => ((StationMode)s!).BeaconMissed(), this);
    }

    /// <summary>ieee80211_sta_beacon_miss: probe the AP directly; after bmiss_max misses in a row, declare
    /// it lost and (roaming auto) rescan.</summary>
    private void BeaconMissed()
    {
        if (Vap.State != Ieee80211State.Run || AccessPoint is not { } ap) return;
        if (++_beaconMissEvents <= Vap.BeaconMissMax)
        {
            Report($"beacon miss {_beaconMissEvents}/{Vap.BeaconMissMax}: probing {ap.Bssid}");
            ManagementOutput.SendProbeRequest(Vap, ap, ap.Ssid, ap.MacAddress, ap.Bssid);
            _beaconMiss.Reset(BeaconMissPeriod, static s => ((StationMode)s!).BeaconMissed(), this);
            return;
        }
        BeaconMisses++;
        Vap.LastFailure = new VapFailure(Ic.Now, "beacon loss");
        if (Vap.Roaming == RoamingMode.Auto)
        {
            Report($"lost {ap.Bssid}: rescanning");
            RequestState(Ieee80211State.Scan, new TransitionReason(TransitionCause.BeaconMiss));
        }
        else Report($"lost {ap.Bssid}: roaming {Vap.Roaming.ToString().ToLowerInvariant()}, not rescanning");
    }

    // ---- input ----

    protected override void ReceiveManagement(Packet frame, in FrameHeader header, Ieee80211Node? node)
    {
        var subtype = header.FrameControl.ManagementSubtype;
        var body = frame.Data[header.Length..];
        var ap = AccessPoint;
        bool fromAp = ap is not null && header.TransmitterAddress == ap.MacAddress;
        switch (subtype)
        {
            case ManagementSubtype.Beacon:
            case ManagementSubtype.ProbeResponse:
                if (Ic.RxChannel(frame) is { } ch &&
                    !Ic.ScanCache.TryRecord(frame.Data, frame.Meta.RssiDbm, frame.Meta.NoiseDbm, ch, out _, out _))
                {
                    Interlocked.Increment(ref Vap.Stats.RxMalformed);
                    return;
                }
                if (Vap.State == Ieee80211State.Scan) Ic.Scanner.NotifyResponse();
                if (fromAp && Vap.State == Ieee80211State.Run) ResetBeaconMiss();
                break;
            case ManagementSubtype.Authentication when fromAp && Vap.State == Ieee80211State.Auth:
                OnAuthentication(body, ap!, subtype);
                break;
            case ManagementSubtype.AssociationResponse when fromAp && Vap.State == Ieee80211State.Assoc:
            case ManagementSubtype.ReassociationResponse when fromAp && Vap.State == Ieee80211State.Assoc:
                if (!AssociationResponseFrame.TryRead(body, out var resp, out _)) { Interlocked.Increment(ref Vap.Stats.RxMalformed); return; }
                if (resp.StatusCode == StatusCode.Success)
                {
                    ap!.AssociationId = (ushort)(resp.Aid & 0x3FFF);
                    RequestState(Ieee80211State.Run, new TransitionReason(TransitionCause.FrameReceived, ManagementSubtype: (byte)subtype));
                }
                else Fail($"association refused by {ap!.Bssid}", (ushort)resp.StatusCode,
                    new TransitionReason(TransitionCause.FrameReceived, StatusCode: (ushort)resp.StatusCode, ManagementSubtype: (byte)subtype), VapFailureKind.Status);
                break;
            case ManagementSubtype.Action when fromAp:
                HandleSaQuery(body, node, (frame.Meta.Flags & PacketFlags.Encrypted) != 0);
                break;
            case ManagementSubtype.Deauthentication when fromAp && Vap.State >= Ieee80211State.Auth:
            {
                DeauthenticationFrame.TryRead(body, out var d, out _);
                if (_security.IsWpa && (ap!.Flags & NodeFlags.Authorized) == 0 && Vap.State == Ieee80211State.Run)
                {
                    // Sent away before the 4-way handshake finished: our PSK is most likely not the AP's.
                    string why = d.ReasonCode is ReasonCode.FourWayHandshakeTimeout or ReasonCode.MicFailure
                        ? "the AP ended the 4-way handshake — probably a wrong passphrase"
                        : "deauthenticated during the 4-way handshake";
                    Report($"deauthenticated by {ap.Bssid} (reason {(int)d.ReasonCode}): {why}");
                    Fail($"WPA handshake failed: {why}", (ushort)d.ReasonCode,
                        new TransitionReason(TransitionCause.SecurityFailure, ReasonCode: (ushort)d.ReasonCode, ManagementSubtype: (byte)subtype), VapFailureKind.Reason);
                    break;
                }
                Vap.LastFailure = new VapFailure(Ic.Now, "deauthenticated by AP", (ushort)d.ReasonCode, VapFailureKind.Reason);
                Report($"deauthenticated by {ap!.Bssid} (reason {(int)d.ReasonCode})");
                if (d.ReasonCode == ReasonCode.MicFailure || _countermeasures.IsBlocked)
                {
                    // TKIP countermeasures, the AP's (reason 14) or ours: it refuses TKIP for 60 s (12.5.2.4), so
                    // do not authenticate again at once; keep away from it and scan.
                    Ic.ScanCache.MarkFailure(ap.MacAddress, TkipCountermeasures.BlockDuration);
                    RequestState(Ieee80211State.Scan, new TransitionReason(TransitionCause.FrameReceived, ReasonCode: (ushort)d.ReasonCode, ManagementSubtype: (byte)subtype));
                    break;
                }
                // sta_recv_mgmt: back to AUTH with the same AP (it may take us back at once).
                RequestState(Ieee80211State.Auth, new TransitionReason(TransitionCause.FrameReceived, ReasonCode: (ushort)d.ReasonCode, ManagementSubtype: (byte)subtype));
                break;
            }
            case ManagementSubtype.Disassociation when fromAp && Vap.State == Ieee80211State.Run:
            {
                DeauthenticationFrame.TryRead(body, out var d, out _);
                Vap.LastFailure = new VapFailure(Ic.Now, "disassociated by AP", (ushort)d.ReasonCode, VapFailureKind.Reason);
                Report($"disassociated by {ap!.Bssid} (reason {(int)d.ReasonCode})");
                RequestState(Ieee80211State.Assoc, new TransitionReason(TransitionCause.FrameReceived, ReasonCode: (ushort)d.ReasonCode, ManagementSubtype: (byte)subtype));
                break;
            }
        }
    }

    protected override void ReceiveData(Packet frame, in FrameHeader header, Ieee80211Node? node)
    {
        var fc = header.FrameControl;
        if (Vap.State != Ieee80211State.Run || node is null || node != AccessPoint)
        {
            Drop(frame, ref Vap.Stats.RxNotAssociated);
            return;
        }
        if (!fc.FromDs || fc.ToDs)
        {
            Drop(frame, ref Vap.Stats.RxWrongDirection);
            return;
        }
        // Our own multicast, relayed back by the AP (the SA is us).
        if (header.Address1.IsGroup && header.Address3 == Vap.MacAddress)
        {
            Drop(frame, ref Vap.Stats.RxMcastEcho);
            return;
        }
        if (fc.DataSubtype is DataSubtype.Null or DataSubtype.QosNull)
        {
            frame.Free();
            return;
        }
        if (Data.TryDecapsulate(frame, node, out var msdu, out _)) DeliverOrHandle(msdu, node);
    }

    public override void Output(Packet ethernetFrame)
    {
        if (Vap.State != Ieee80211State.Run || AccessPoint is not { } ap)
        {
            Drop(ethernetFrame, ref Vap.Stats.TxNotRunning);
            return;
        }
        // 12.5.2.4: no TKIP traffic while countermeasures last (the moments before we leave).
        if (_countermeasures.IsBlocked && ap.PairwiseKey?.Cipher.Name == TkipCipher.CipherName)
        {
            Drop(ethernetFrame, ref Vap.Stats.TxDropped);
            return;
        }
        Data.Transmit(ethernetFrame, ap, DataDirection.ToAp);
    }

    public override void Detach()
    {
        _handshake?.Dispose();
        _saQuery.Dispose();
        _timer.Dispose();
        _beaconMiss.Dispose();
        if (Ic.Scanner.IsScanningFor(this)) Ic.Scanner.Cancel();
    }
}

public sealed class StationModeModule : IOpModeModule
{
    public OpMode Mode => OpMode.Sta;
    public IOpMode Attach(Ieee80211Vap vap) => new StationMode(vap);
}

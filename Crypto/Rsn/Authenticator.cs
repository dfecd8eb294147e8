using Net80211.Frames;

namespace Net80211.Crypto.Rsn;

/// <summary>
/// The authenticator side of the 4-way handshake (IEEE 802.11-2020 12.7.6) and the group key handshake (12.7.7)
/// for one station, as pure logic: start, EAPOL-Key frames, timer expiries and rekey requests in,
/// <see cref="HandshakeAction"/>s out.
/// </summary>
/// <remarks>
/// As hostapd: every retransmission carries a new Key Replay Counter and an answer to any transmission of the
/// current message is accepted; ANonce stays the same across message 1 retransmissions; a message 2 whose MIC
/// fails is dropped silently and counted, and when the retries run out with such failures the text says the
/// passphrase is probably wrong (reason 15 either way).
/// </remarks>
public sealed class Authenticator
{
    private const string WrongPassphrase = "4-way handshake failed: MIC of message 2 incorrect — probably wrong passphrase";

    private readonly AuthenticatorConfig _config;
    private readonly NegotiatedSuite _suite;
    private readonly byte[] _anonce = new byte[PtkDerivation.NonceLength];
    private readonly List<ulong> _outstanding = [];
    private ulong _replayCounter;
    private int _transmissions;
    private int _micFailures;
    private Ptk? _ptk;
    private byte[] _gtk;
    private int _gtkIndex;
    private ulong _gtkRsc;
    private byte[]? _igtk;
    private int _igtkIndex;
    private ulong _igtkIpn;
    private bool _groupRekeyPending;
    private bool _initialGroupHandshake;
    private ulong? _requestCounter;

    public Authenticator(AuthenticatorConfig cfg)
    {
        ArgumentNullException.ThrowIfNull(cfg);
        cfg.Validate();
        _config = cfg;
        _suite = cfg.Suite;
        _gtk = (byte[])cfg.Gtk.Clone();
        _gtkIndex = cfg.GtkKeyIndex;
        _gtkRsc = cfg.GtkRsc;
        _igtk = cfg.Igtk is null ? null : (byte[])cfg.Igtk.Clone();
        _igtkIndex = cfg.IgtkKeyIndex;
        _igtkIpn = cfg.IgtkIpn;
    }

    public HandshakeState State { get; private set; }

    /// <summary>The PTK agreed with the station (set when message 2 verifies; installed on message 4).</summary>
    public Ptk? Ptk => _ptk;

    /// <summary>Messages 2 dropped because their MIC failed, in the current 4-way handshake.</summary>
    public int MicFailures => _micFailures;

    /// <summary>Frames dropped (parse, replay counter, MIC, unexpected).</summary>
    public int DroppedFrames { get; private set; }

    /// <summary>The station associated: send message 1.</summary>
    public IReadOnlyList<HandshakeAction> Start()
    {
        if (State is not (HandshakeState.Idle or HandshakeState.Completed)) return [];
        return BeginFourWay();
    }

    /// <summary>PTK rekey while associated: a new 4-way handshake with a new ANonce.</summary>
    public IReadOnlyList<HandshakeAction> RekeyPairwise()
        => State == HandshakeState.Completed ? BeginFourWay() : [];

    /// <summary>A new GTK (and optionally IGTK) for the BSS: group message 1 now, or after the 4-way handshake in progress.</summary>
    public IReadOnlyList<HandshakeAction> RekeyGroup(byte[] newGtk, int keyIndex, ulong rsc = 0, byte[]? newIgtk = null, int igtkKeyIndex = 0, ulong igtkIpn = 0)
    {
        ArgumentNullException.ThrowIfNull(newGtk);
        if (newGtk.Length != _suite.GtkLength) throw new ArgumentException($"GTK of {newGtk.Length} octets for a {_suite.GtkLength}-octet group cipher.", nameof(newGtk));
        ArgumentOutOfRangeException.ThrowIfLessThan(keyIndex, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(keyIndex, 3);
        _gtk = (byte[])newGtk.Clone();
        _gtkIndex = keyIndex;
        _gtkRsc = rsc;
        if (newIgtk is not null)
        {
            _igtk = (byte[])newIgtk.Clone();
            _igtkIndex = igtkKeyIndex;
            _igtkIpn = igtkIpn;
        }
        switch (State)
        {
            case HandshakeState.Completed or HandshakeState.AwaitingGroupMessage2:
                return BeginGroup();
            case HandshakeState.AwaitingMessage4:
                // Message 3 went out with the old GTK: follow up once the PTK is in place.
                _groupRekeyPending = true;
                return [];
            default:
                return []; // message 3 (still to come) carries the new GTK
        }
    }

    /// <summary>Current transmit counters of the group keys, for the Key RSC / IPN of later messages.</summary>
    public void SetGroupKeyCounters(ulong gtkRsc, ulong igtkIpn)
    {
        _gtkRsc = gtkRsc;
        _igtkIpn = igtkIpn;
    }

    /// <summary>An EAPOL PDU from the station (from Protocol Version on).</summary>
    public IReadOnlyList<HandshakeAction> OnEapolKey(ReadOnlySpan<byte> eapol)
    {
        if (!HandshakeFrames.TryRead(_suite, eapol, out EapolKeyFrame frame)) return Drop();
        // Frames from the supplicant carry a MIC and never Ack (12.7.6.3, 12.7.6.5, 12.7.7.3).
        if (!frame.Has(KeyInformation.Mic) || frame.Has(KeyInformation.Ack)) return Drop();
        if (frame.Has(KeyInformation.Request)) return OnRequest(frame);
        // The Key Replay Counter must be one we used for the message being answered.
        if (!_outstanding.Contains(frame.ReplayCounter)) return Drop();

        return (State, frame.IsPairwise) switch
        {
            (HandshakeState.AwaitingMessage2, true) => OnMessage2(frame),
            (HandshakeState.AwaitingMessage4, true) => OnMessage4(frame),
            (HandshakeState.AwaitingGroupMessage2, false) => OnGroupMessage2(frame),
            _ => Drop(),
        };
    }

    /// <summary>The handshake timer expired: retransmit with a new replay counter, or give up.</summary>
    public IReadOnlyList<HandshakeAction> OnTimeout()
    {
        switch (State)
        {
            case HandshakeState.AwaitingMessage2:
                if (_transmissions < _config.RetryLimit) return SendMessage1();
                return Fail(ReasonCode.FourWayHandshakeTimeout, _micFailures > 0 ? WrongPassphrase : "4-way handshake timeout: no message 2");
            case HandshakeState.AwaitingMessage4:
                if (_transmissions < _config.RetryLimit) return SendMessage3();
                return Fail(ReasonCode.FourWayHandshakeTimeout, "4-way handshake timeout: no message 4");
            case HandshakeState.AwaitingGroupMessage2:
                if (_transmissions < _config.RetryLimit) return SendGroupMessage1();
                return Fail(ReasonCode.GroupKeyHandshakeTimeout, "group key handshake timeout");
            default:
                return [];
        }
    }

    private List<HandshakeAction> BeginFourWay()
    {
        _config.NonceSource(_anonce);
        _micFailures = 0;
        _transmissions = 0;
        _outstanding.Clear();
        _initialGroupHandshake = _suite.Protocol == RsnProtocol.Wpa && State == HandshakeState.Idle;
        State = HandshakeState.AwaitingMessage2;
        return SendMessage1();
    }

    private List<HandshakeAction> BeginGroup()
    {
        _transmissions = 0;
        _outstanding.Clear();
        State = HandshakeState.AwaitingGroupMessage2;
        return SendGroupMessage1();
    }

    /// <summary>12.7.6.2: message 1 — ANonce, Key Length of the pairwise cipher, no MIC.</summary>
    private List<HandshakeAction> SendMessage1()
    {
        ulong counter = NextCounter();
        byte[] frame = HandshakeFrames.Build(_suite, KeyInformation.Pairwise | KeyInformation.Ack, _suite.TkLength, counter,
            _anonce, default, 0, default, default);
        return [new SendEapol(frame), new ArmTimer(_config.RetryTimeout)];
    }

    /// <summary>12.7.6.3: check message 2 — derive the PTK with its SNonce, verify the MIC (a failure is counted and
    /// dropped, the passphrase is the likely cause), then its RSN element against the association request.</summary>
    private List<HandshakeAction> OnMessage2(EapolKeyFrame frame)
    {
        Ptk ptk = PtkDerivation.Derive(_config.Pmk, _config.AuthenticatorAddress, _config.SupplicantAddress, _anonce, frame.Nonce,
            _suite.Akm, _suite.PairwiseCipher);
        if (!EapolKeyMic.Verify(ptk.Kck, frame))
        {
            _micFailures++;
            return Drop();
        }
        bool rsn = _suite.Protocol == RsnProtocol.Rsn;
        if (!KeyDataElements.TryParse(frame.KeyData, out KeyDataElements kd)
            || !(rsn ? kd.RsnElement : kd.WpaElement).SequenceEqual(_config.SupplicantRsnElement))
        {
            return Fail(ReasonCode.HandshakeElementMismatch, "IE in 4-way handshake message 2 differs from the (Re)Association Request");
        }
        _ptk = ptk;
        _transmissions = 0;
        _outstanding.Clear();
        State = HandshakeState.AwaitingMessage4;
        return SendMessage3();
    }

    /// <summary>12.7.6.4: message 3 — ANonce again, Install, our RSN element and (RSN) the GTK/IGTK KDEs, encrypted.
    /// WPA1: the WPA element in the clear, no Secure bit; the GTK follows by the group handshake.</summary>
    private List<HandshakeAction> SendMessage3()
    {
        Ptk ptk = _ptk!;
        ulong counter = NextCounter();
        KeyInformation bits = KeyInformation.Pairwise | KeyInformation.Install | KeyInformation.Ack | KeyInformation.Mic;
        byte[] frame;
        if (_suite.Protocol == RsnProtocol.Rsn)
        {
            var keyData = new KeyDataBuilder().AddElement(_config.AuthenticatorRsnElement).AddGtk(_gtkIndex, false, _gtk);
            if (_suite.ManagementFrameProtection && _igtk is not null) keyData.AddIgtk(_igtkIndex, _igtkIpn, _igtk);
            Span<byte> iv = stackalloc byte[EapolKeyFrame.IvLength];
            byte[] encrypted = HandshakeFrames.Encrypt(_suite, ptk.Kek, keyData.ToArray(), iv, _config.NonceSource);
            frame = HandshakeFrames.Build(_suite, bits | KeyInformation.Secure | KeyInformation.EncryptedKeyData, _suite.TkLength, counter,
                _anonce, iv, _gtkRsc, encrypted, ptk.Kck);
        }
        else
        {
            frame = HandshakeFrames.Build(_suite, bits, _suite.TkLength, counter, _anonce, default, 0, _config.AuthenticatorRsnElement, ptk.Kck);
        }
        return [new SendEapol(frame), new ArmTimer(_config.RetryTimeout)];
    }

    /// <summary>12.7.6.5: message 4 — install the PTK; RSN is done, WPA1 goes on with the group handshake.</summary>
    private List<HandshakeAction> OnMessage4(EapolKeyFrame frame)
    {
        Ptk ptk = _ptk!;
        if (!EapolKeyMic.Verify(ptk.Kck, frame)) return Drop();
        var actions = new List<HandshakeAction> { new CancelTimer(), new InstallPairwiseKey(ptk, 0, 0) };
        if (_initialGroupHandshake || _groupRekeyPending)
        {
            _groupRekeyPending = false;
            if (!_initialGroupHandshake) actions.Add(new Completed(HandshakeKind.FourWay));
            actions.AddRange(BeginGroup());
            return actions;
        }
        State = HandshakeState.Completed;
        actions.Add(new Completed(HandshakeKind.FourWay));
        return actions;
    }

    /// <summary>12.7.7.2: group message 1 — the GTK (and IGTK) under the KEK. WPA1: the bare GTK, its index in Key Information.</summary>
    private List<HandshakeAction> SendGroupMessage1()
    {
        Ptk ptk = _ptk!;
        ulong counter = NextCounter();
        KeyInformation bits = KeyInformation.Ack | KeyInformation.Mic | KeyInformation.Secure;
        Span<byte> iv = stackalloc byte[EapolKeyFrame.IvLength];
        byte[] frame;
        if (_suite.Protocol == RsnProtocol.Rsn)
        {
            var keyData = new KeyDataBuilder().AddGtk(_gtkIndex, false, _gtk);
            if (_suite.ManagementFrameProtection && _igtk is not null) keyData.AddIgtk(_igtkIndex, _igtkIpn, _igtk);
            byte[] encrypted = HandshakeFrames.Encrypt(_suite, ptk.Kek, keyData.ToArray(), iv, _config.NonceSource);
            frame = HandshakeFrames.Build(_suite, bits | KeyInformation.EncryptedKeyData, 0, counter, default, iv, _gtkRsc, encrypted, ptk.Kck);
        }
        else
        {
            byte[] encrypted = HandshakeFrames.Encrypt(_suite, ptk.Kek, _gtk, iv, _config.NonceSource);
            frame = HandshakeFrames.Build(_suite, bits | (KeyInformation)(ushort)(_gtkIndex << 4), _gtk.Length, counter,
                default, iv, _gtkRsc, encrypted, ptk.Kck);
        }
        return [new SendEapol(frame), new ArmTimer(_config.RetryTimeout)];
    }

    /// <summary>12.7.7.3: group message 2 acknowledges the GTK.</summary>
    private List<HandshakeAction> OnGroupMessage2(EapolKeyFrame frame)
    {
        if (!EapolKeyMic.Verify(_ptk!.Kck, frame)) return Drop();
        State = HandshakeState.Completed;
        _outstanding.Clear();
        HandshakeKind kind = _initialGroupHandshake ? HandshakeKind.FourWay : HandshakeKind.GroupKey;
        _initialGroupHandshake = false;
        return [new CancelTimer(), new Completed(kind)];
    }

    /// <summary>
    /// An EAPOL-Key request from the supplicant (12.7.2 b.11). Believed only under the PTK (its MIC verifies with
    /// the KCK) and with a Key Replay Counter above the last request's (12.7.2 b.9), as hostapd. With Error set it
    /// is a Michael MIC failure report (12.5.2.4), handed up for countermeasures; plain rekey requests are not
    /// acted on (dropped and counted).
    /// </summary>
    private List<HandshakeAction> OnRequest(EapolKeyFrame frame)
    {
        if (_ptk is null || State is HandshakeState.Idle or HandshakeState.Failed) return Drop();
        if (_requestCounter is { } last && frame.ReplayCounter <= last) return Drop();
        if (!EapolKeyMic.Verify(_ptk.Kck, frame)) return Drop();
        _requestCounter = frame.ReplayCounter;
        if (!frame.Has(KeyInformation.Error)) return Drop();
        MichaelFailureReports++;
        return [new MichaelFailureReported(frame.IsPairwise)];
    }

    /// <summary>Michael MIC failure reports accepted from the supplicant.</summary>
    public int MichaelFailureReports { get; private set; }

    /// <summary>Each transmission, retransmissions included, takes a new Key Replay Counter (12.7.2 b.9).</summary>
    private ulong NextCounter()
    {
        _replayCounter++;
        _transmissions++;
        _outstanding.Add(_replayCounter);
        return _replayCounter;
    }

    private List<HandshakeAction> Fail(ReasonCode reason, string why)
    {
        State = HandshakeState.Failed;
        _outstanding.Clear();
        return [new CancelTimer(), new Failed((ushort)reason, why)];
    }

    private List<HandshakeAction> Drop()
    {
        DroppedFrames++;
        return [];
    }
}

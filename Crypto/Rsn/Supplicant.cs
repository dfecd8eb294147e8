using System.Security.Cryptography;
using Net80211.Frames;

namespace Net80211.Crypto.Rsn;

/// <summary>
/// The supplicant side of the 4-way handshake (IEEE 802.11-2020 12.7.6) and the group key handshake (12.7.7)
/// for one association, as pure logic: EAPOL-Key frames and timer expiries in, <see cref="HandshakeAction"/>s out.
/// </summary>
/// <remarks>
/// Rules kept here (wpa_supplicant behaves the same):
/// <list type="bullet">
/// <item>Replay (12.7.2): a frame whose Key Replay Counter is not above the counter of the last frame whose MIC
/// verified is dropped; message 1 (no MIC) is checked but does not advance it.</item>
/// <item>The SNonce is drawn once per handshake and reused for retransmitted message 1s; a new one after the
/// handshake completes, for the next (PTK rekey).</item>
/// <item>Message 3 must repeat message 1's ANonce and verify with the TPTK; its RSN element must equal the one of
/// the Beacon/Probe Response, else reason 17 (12.7.6.4).</item>
/// <item>Key reinstallation (KRACK, 2017): a retransmitted message 3 after the PTK is installed is answered with
/// message 4 but the PTK (and an unchanged GTK/IGTK) is not installed again, so nonces and replay counters of
/// the data path are not reset; likewise a retransmitted group message 1 with the installed GTK.</item>
/// </list>
/// </remarks>
public sealed class Supplicant
{
    private readonly SupplicantConfig _config;
    private readonly NegotiatedSuite _suite;
    private readonly byte[] _snonce = new byte[PtkDerivation.NonceLength];
    private readonly byte[] _anonce = new byte[PtkDerivation.NonceLength];
    private bool _renewSnonce = true;
    private ulong? _replayCounter;
    private Ptk? _tptk;
    private Ptk? _ptk;
    private byte[]? _gtk;
    private int _gtkIndex;
    private byte[]? _igtk;
    private int _igtkIndex;
    private ulong _requestCounter;

    public Supplicant(SupplicantConfig cfg)
    {
        ArgumentNullException.ThrowIfNull(cfg);
        cfg.Validate();
        _config = cfg;
        _suite = cfg.Suite;
    }

    public HandshakeState State { get; private set; }

    /// <summary>The installed PTK, if any.</summary>
    public Ptk? Ptk => _ptk;

    /// <summary>Frames dropped (parse, replay, MIC, unexpected), for statistics and tests.</summary>
    public int DroppedFrames { get; private set; }

    /// <summary>Association done: wait for message 1 (arms the handshake timer).</summary>
    public IReadOnlyList<HandshakeAction> Start()
    {
        if (State != HandshakeState.Idle) return [];
        State = HandshakeState.AwaitingMessage1;
        return [new ArmTimer(_config.HandshakeTimeout)];
    }

    /// <summary>An EAPOL PDU from the authenticator (from Protocol Version on).</summary>
    public IReadOnlyList<HandshakeAction> OnEapolKey(ReadOnlySpan<byte> eapol)
    {
        if (State == HandshakeState.Failed || !HandshakeFrames.TryRead(_suite, eapol, out EapolKeyFrame frame)) return Drop();
        // Frames from the authenticator have Ack set and never Request (12.7.2 b.7, b.11).
        if (!frame.Has(KeyInformation.Ack) || frame.Has(KeyInformation.Request)) return Drop();
        // 12.7.2: a Key Replay Counter not above the last one accepted is a replay.
        if (_replayCounter is { } last && frame.ReplayCounter <= last) return Drop();

        if (frame.IsPairwise)
        {
            return frame.Has(KeyInformation.Mic) ? OnMessage3(frame) : OnMessage1(frame);
        }
        return frame.Has(KeyInformation.Mic) ? OnGroupMessage1(frame) : Drop();
    }

    /// <summary>The handshake timer expired.</summary>
    public IReadOnlyList<HandshakeAction> OnTimeout()
    {
        switch (State)
        {
            case HandshakeState.AwaitingMessage3 when _ptk is not null:
                State = _gtk is null && _suite.Protocol == RsnProtocol.Wpa ? HandshakeState.AwaitingGroupMessage1 : HandshakeState.Completed;
                return [];
            case HandshakeState.AwaitingMessage1 or HandshakeState.AwaitingMessage3:
                State = HandshakeState.Failed;
                return [new Failed((ushort)ReasonCode.FourWayHandshakeTimeout, "4-way handshake timeout")];
            case HandshakeState.AwaitingGroupMessage1:
                State = HandshakeState.Failed;
                return [new Failed((ushort)ReasonCode.GroupKeyHandshakeTimeout, "group key handshake timeout")];
            default:
                return [];
        }
    }

    /// <summary>
    /// A Michael MIC failure found in a frame from the authenticator (12.5.2.4): the report is an EAPOL-Key
    /// request (12.7.2 b.10, b.11) with Key MIC, Secure, Error and Request set, Key Type naming the key that
    /// failed (pairwise, or group), no Key Data, signed with the KCK of the PTK in use. Nothing before a PTK exists.
    /// </summary>
    /// <remarks>Requests carry their own Key Replay Counter, increasing with each request (12.7.2 b.9); it is kept
    /// above every counter the authenticator used too, as the authenticator rejects a request counter it has seen.</remarks>
    public IReadOnlyList<HandshakeAction> ReportMichaelFailure(bool pairwise)
    {
        if (_ptk is null || State == HandshakeState.Failed) return [];
        _requestCounter = Math.Max(_requestCounter, _replayCounter ?? 0) + 1;
        KeyInformation bits = KeyInformation.Mic | KeyInformation.Secure | KeyInformation.Error | KeyInformation.Request
            | (pairwise ? KeyInformation.Pairwise : KeyInformation.None);
        return [new SendEapol(HandshakeFrames.Build(_suite, bits, 0, _requestCounter, default, default, 0, default, _ptk.Kck))];
    }

    /// <summary>12.7.6.2: derive the TPTK from ANonce and our SNonce, answer with message 2 carrying our RSN element.</summary>
    private List<HandshakeAction> OnMessage1(EapolKeyFrame frame)
    {
        if (_renewSnonce)
        {
            _config.NonceSource(_snonce);
            _renewSnonce = false;
        }
        frame.Nonce.CopyTo(_anonce);
        _tptk = PtkDerivation.Derive(_config.Pmk, _config.AuthenticatorAddress, _config.OwnAddress, _anonce, _snonce, _suite.Akm, _suite.PairwiseCipher);

        // Message 2: Key Length 0 for RSN (12.7.6.3), the cipher's for WPA1.
        byte[] message2 = HandshakeFrames.Build(_suite, KeyInformation.Pairwise | KeyInformation.Mic,
            _suite.Protocol == RsnProtocol.Wpa ? _suite.TkLength : 0, frame.ReplayCounter, _snonce, default, 0, _config.OwnRsnElement, _tptk.Kck);
        State = HandshakeState.AwaitingMessage3;
        // A PTK rekey (or a forged message 1, which carries no MIC) leaves the installed PTK in use until a valid
        // message 3, and must not be able to time the association out.
        if (_ptk is not null) return [new SendEapol(message2)];
        return [new SendEapol(message2), new ArmTimer(_config.HandshakeTimeout)];
    }

    /// <summary>12.7.6.4: check and answer message 3, install the PTK and the GTK/IGTK it carries.</summary>
    private List<HandshakeAction> OnMessage3(EapolKeyFrame frame)
    {
        if (_tptk is null) return Drop();
        if (!CryptographicOperations.FixedTimeEquals(frame.Nonce, _anonce)) return Drop(); // ANonce differs from message 1
        if (!frame.Has(KeyInformation.Install) || frame.KeyLength != _suite.TkLength) return Drop();
        if (!EapolKeyMic.Verify(_tptk.Kck, frame)) return Drop();
        _replayCounter = frame.ReplayCounter;

        bool rsn = _suite.Protocol == RsnProtocol.Rsn;
        byte[] keyData;
        if (rsn)
        {
            if (!frame.Has(KeyInformation.EncryptedKeyData)
                || !KeyDataEncryption.TryDecrypt(frame.Version, _tptk.Kek, frame.Iv, frame.KeyData, out byte[]? plain))
            {
                return Drop();
            }
            keyData = plain;
        }
        else
        {
            keyData = frame.KeyData.ToArray();
        }
        if (!KeyDataElements.TryParse(keyData, out KeyDataElements kd)) return Drop();

        ReadOnlySpan<byte> apElement = rsn ? kd.RsnElement : kd.WpaElement;
        if (!apElement.SequenceEqual(_config.AuthenticatorRsnElement))
        {
            State = HandshakeState.Failed;
            return [new CancelTimer(), new Failed((ushort)ReasonCode.HandshakeElementMismatch,
                "IE in 4-way handshake differs from (Re)Association Request/Probe Response/Beacon frame")];
        }
        if (rsn && (!kd.HasGtk || kd.Gtk.Length != _suite.GtkLength))
        {
            State = HandshakeState.Failed;
            return [new CancelTimer(), new Failed((ushort)ReasonCode.Unspecified, "message 3 of the 4-way handshake carries no usable GTK KDE")];
        }

        // Message 4 goes out before the new keys are used (12.7.6.5).
        KeyInformation bits = KeyInformation.Pairwise | KeyInformation.Mic | (rsn ? KeyInformation.Secure : KeyInformation.None);
        var actions = new List<HandshakeAction>
        {
            new SendEapol(HandshakeFrames.Build(_suite, bits, 0, frame.ReplayCounter, default, default, 0, default, _tptk.Kck)),
        };
        if (!_tptk.HasSameTemporalKey(_ptk))
        {
            _ptk = _tptk;
            actions.Add(new InstallPairwiseKey(_ptk, 0, 0));
        }
        if (rsn)
        {
            AddGroupKeys(actions, kd, frame.Rsc);
        }
        _renewSnonce = true;
        if (State == HandshakeState.AwaitingMessage3)
        {
            if (rsn)
            {
                State = HandshakeState.Completed;
                actions.Add(new CancelTimer());
                actions.Add(new Completed(HandshakeKind.FourWay));
            }
            else if (_gtk is null)
            {
                State = HandshakeState.AwaitingGroupMessage1;
                actions.Add(new ArmTimer(_config.HandshakeTimeout));
            }
            else
            {
                State = HandshakeState.Completed; // WPA1 PTK rekey: the GTK is already in place
                actions.Add(new CancelTimer());
            }
        }
        return actions;
    }

    /// <summary>12.7.7.2: group message 1 under the installed PTK; install the new GTK/IGTK and answer with group message 2.</summary>
    private List<HandshakeAction> OnGroupMessage1(EapolKeyFrame frame)
    {
        if (_ptk is null || !frame.Has(KeyInformation.Secure)) return Drop();
        if (!EapolKeyMic.Verify(_ptk.Kck, frame)) return Drop();
        _replayCounter = frame.ReplayCounter;

        var actions = new List<HandshakeAction>();
        int wpaKeyIndex = 0;
        if (_suite.Protocol == RsnProtocol.Rsn)
        {
            if (!frame.Has(KeyInformation.EncryptedKeyData)
                || !KeyDataEncryption.TryDecrypt(frame.Version, _ptk.Kek, frame.Iv, frame.KeyData, out byte[]? plain)
                || !KeyDataElements.TryParse(plain, out KeyDataElements kd)
                || !kd.HasGtk || kd.Gtk.Length != _suite.GtkLength)
            {
                return Drop();
            }
            AddGroupKeys(actions, kd, frame.Rsc);
        }
        else
        {
            // WPA1: the Key Data is the bare GTK, encrypted; its index is in Key Information (WPA 1.0).
            int length = frame.KeyLength;
            if (length != _suite.GtkLength
                || !KeyDataEncryption.TryDecrypt(frame.Version, _ptk.Kek, frame.Iv, frame.KeyData, out byte[]? plain)
                || plain.Length < length)
            {
                return Drop();
            }
            wpaKeyIndex = frame.WpaKeyIndex;
            if (wpaKeyIndex == 0) return Drop();
            InstallGtk(actions, plain.AsSpan(0, length), wpaKeyIndex, frame.Rsc, frame.Has(KeyInformation.Install));
        }

        KeyInformation bits = KeyInformation.Mic | KeyInformation.Secure | (KeyInformation)(ushort)(wpaKeyIndex << 4);
        actions.Add(new SendEapol(HandshakeFrames.Build(_suite, bits, 0, frame.ReplayCounter, default, default, 0, default, _ptk.Kck)));
        if (State == HandshakeState.AwaitingGroupMessage1)
        {
            State = HandshakeState.Completed;
            actions.Add(new CancelTimer());
            actions.Add(new Completed(HandshakeKind.FourWay));
        }
        return actions;
    }

    private void AddGroupKeys(List<HandshakeAction> actions, KeyDataElements kd, ulong rsc)
    {
        if (kd.HasGtk) InstallGtk(actions, kd.Gtk, kd.GtkKeyId, rsc, kd.GtkTx);
        if (kd.HasIgtk && _suite.ManagementFrameProtection && kd.Igtk.Length == _suite.IgtkLength
            && !HandshakeFrames.SameKey(_igtk, _igtkIndex, kd.Igtk, kd.IgtkKeyId))
        {
            _igtk = kd.Igtk.ToArray();
            _igtkIndex = kd.IgtkKeyId;
            actions.Add(new InstallIgtk(kd.Igtk.ToArray(), kd.IgtkKeyId, kd.IgtkIpn));
        }
    }

    private void InstallGtk(List<HandshakeAction> actions, ReadOnlySpan<byte> gtk, int keyIndex, ulong rsc, bool tx)
    {
        // Not reinstalling the GTK in use keeps its replay counter (KRACK group variants).
        if (HandshakeFrames.SameKey(_gtk, _gtkIndex, gtk, keyIndex)) return;
        _gtk = gtk.ToArray();
        _gtkIndex = keyIndex;
        actions.Add(new InstallGroupKey(gtk.ToArray(), keyIndex, rsc, tx));
    }

    private List<HandshakeAction> Drop()
    {
        DroppedFrames++;
        return [];
    }
}

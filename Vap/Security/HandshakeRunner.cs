using Net80211.Crypto.Rsn;
using Net80211.Crypto.Tkip;
using Net80211.Nodes;
using Net80211.Scheduling;

namespace Net80211.Vap.Security;

/// <summary>
/// Runs one peer's handshake — our <see cref="Supplicant"/> or <see cref="Authenticator"/>, which are pure
/// logic — against the world: sends the EAPOL frames they produce, installs the keys they hand over, keeps
/// their timer as a callout on the radio's queue, and reports completion or failure.
/// </summary>
internal sealed class HandshakeRunner : IDisposable
{
    private readonly SecurityContext _security;
    private readonly Ieee80211Node _peer;
    private readonly NegotiatedSuite _suite;
    private readonly TkipRole _role;
    private readonly Action<byte[]> _sendEapol;
    private readonly Action<HandshakeKind> _completed;
    private readonly Action<Failed> _failed;
    private readonly Action<bool>? _michaelFailureReported;
    private readonly Callout _timer;
    private readonly Supplicant? _supplicant;
    private readonly Authenticator? _authenticator;

    public HandshakeRunner(SecurityContext security, Ieee80211Node peer, NegotiatedSuite suite, Supplicant? supplicant,
        Authenticator? authenticator, Action<byte[]> sendEapol, Action<HandshakeKind> completed, Action<Failed> failed,
        Action<bool>? michaelFailureReported = null)
    {
        _michaelFailureReported = michaelFailureReported;
        _security = security;
        _peer = peer;
        _suite = suite;
        _supplicant = supplicant;
        _authenticator = authenticator;
        _role = supplicant is not null ? TkipRole.Supplicant : TkipRole.Authenticator;
        _sendEapol = sendEapol;
        _completed = completed;
        _failed = failed;
        _timer = peer.Vap.Ic.CreateCallout();
    }

    public NegotiatedSuite Suite => _suite;
    public Authenticator? Authenticator => _authenticator;
    public Supplicant? Supplicant => _supplicant;
    public bool Disposed { get; private set; }

    public void Start() => Run(_supplicant?.Start() ?? _authenticator!.Start());

    public void OnEapol(ReadOnlySpan<byte> eapol)
    {
        if (Disposed) return;
        Run(_supplicant is not null ? _supplicant.OnEapolKey(eapol) : _authenticator!.OnEapolKey(eapol));
    }

    /// <summary>Station side: send the AP a Michael MIC failure report (12.5.2.4). False when there is no PTK
    /// to sign it with yet.</summary>
    public bool ReportMichaelFailure(bool pairwise)
    {
        if (Disposed || _supplicant is null) return false;
        var actions = _supplicant.ReportMichaelFailure(pairwise);
        Run(actions);
        return actions.Count > 0;
    }

    private void OnTimeout()
    {
        if (Disposed) return;
        Run(_supplicant?.OnTimeout() ?? _authenticator!.OnTimeout());
    }

    /// <summary>Carries out what the handshake asked for, in order (msg 4 goes out before the PTK is
    /// installed, so it leaves in the clear as the standard's state machine has it).</summary>
    public void Run(IReadOnlyList<HandshakeAction> actions)
    {
        foreach (var action in actions)
        {
            if (Disposed) return;
            switch (action)
            {
                case SendEapol send:
                    _sendEapol(send.Frame);
                    break;
                case InstallPairwiseKey pk:
                    if (!_security.InstallPairwise(_peer, _suite.PairwiseCipher, pk.Ptk.Tk, _role, out var e1)) { Fail(e1 ?? "pairwise key"); return; }
                    break;
                case InstallGroupKey gk:
                    // The AP installs its own GTK when it makes it; the station installs what it receives.
                    if (_supplicant is not null && !_security.InstallGroup(_suite.GroupCipher, gk.Gtk, gk.KeyIndex, gk.Rsc, transmit: false, _role, out var e2))
                    {
                        Fail(e2 ?? "group key");
                        return;
                    }
                    break;
                case InstallIgtk ik:
                    if (_supplicant is not null && !_security.InstallIgtk(_suite.GroupManagementCipher, ik.Igtk, ik.KeyIndex, ik.Ipn, out var e3))
                    {
                        Fail(e3 ?? "IGTK");
                        return;
                    }
                    break;
                case ArmTimer arm:
                    _timer.Reset(arm.After, static s => ((HandshakeRunner)s!).OnTimeout(), this);
                    break;
                case CancelTimer:
                    _timer.Stop();
                    break;
                case Completed done:
                    _completed(done.Kind);
                    break;
                case MichaelFailureReported report:
                    _michaelFailureReported?.Invoke(report.Pairwise);
                    break;
                case Failed failed:
                    _timer.Stop();
                    _failed(failed);
                    break;
            }
        }
    }

    /// <summary>A key the handshake handed over could not be installed: the handshake fails there, and what
    /// it asked for after the key (completion, above all) is not done.</summary>
    private void Fail(string why)
    {
        _timer.Stop();
        _failed(new Failed(1, why));
    }

    public void Dispose()
    {
        if (Disposed) return;
        Disposed = true;
        _timer.Dispose();
    }
}

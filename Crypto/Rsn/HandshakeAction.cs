namespace Net80211.Crypto.Rsn;

/// <summary>What a handshake state machine asks its owner to do, in order. The machines keep no timers, sockets
/// or threads: the owner sends frames, installs keys, runs the one handshake timer and reports its expiry.</summary>
public abstract record HandshakeAction;

/// <summary>Send this EAPOL PDU (from Protocol Version on; the owner adds LLC/SNAP 88-8E and the 802.11 header).
/// A SendEapol listed before an install must go out under the keys in place before that install
/// (message 4 is sent before the new PTK is used, 12.7.6.5).</summary>
public sealed record SendEapol(byte[] Frame) : HandshakeAction;

/// <summary>Install the PTK's TK for the pairwise cipher (key index 0) with this receive sequence counter.</summary>
public sealed record InstallPairwiseKey(Ptk Ptk, int KeyIndex, ulong Rsc) : HandshakeAction;

/// <summary>Install a GTK (key index 1..3) with its receive sequence counter; <paramref name="TxKey"/> is the GTK KDE's Tx bit.</summary>
public sealed record InstallGroupKey(byte[] Gtk, int KeyIndex, ulong Rsc, bool TxKey) : HandshakeAction;

/// <summary>Install an IGTK (key index 4 or 5) with its IPN for BIP (12.7.2, IGTK KDE).</summary>
public sealed record InstallIgtk(byte[] Igtk, int KeyIndex, ulong Ipn) : HandshakeAction;

/// <summary>(Re)arm the handshake timer; a pending expiry is replaced. Report the expiry with <c>OnTimeout()</c>.</summary>
public sealed record ArmTimer(TimeSpan After) : HandshakeAction;

/// <summary>Stop the handshake timer.</summary>
public sealed record CancelTimer : HandshakeAction;

/// <summary>A handshake finished: <see cref="HandshakeKind.FourWay"/> when the association is ready for data
/// (for WPA1 that is after the first group key handshake), <see cref="HandshakeKind.GroupKey"/> after a GTK rekey.</summary>
public sealed record Completed(HandshakeKind Kind = HandshakeKind.FourWay) : HandshakeAction;

/// <summary>The handshake failed; deauthenticate the peer with <paramref name="ReasonCode"/> (IEEE 802.11-2020 Table 9-49).</summary>
public sealed record Failed(ushort ReasonCode, string Why) : HandshakeAction
{
    public Frames.ReasonCode Reason => (Frames.ReasonCode)ReasonCode;
}

/// <summary>The supplicant reported a Michael MIC failure (an EAPOL-Key request with Error set whose MIC verified,
/// 12.7.2 b.10): count it toward TKIP countermeasures exactly as a failure detected here (12.5.2.4).
/// <paramref name="Pairwise"/>: the failure was under the pairwise key, else under the group key.</summary>
public sealed record MichaelFailureReported(bool Pairwise) : HandshakeAction;

public enum HandshakeKind
{
    FourWay = 0,
    GroupKey = 1,
}

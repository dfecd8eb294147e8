using Net80211.Crypto.Rsn;

namespace Net80211.Crypto.Decrypt;

/// <summary>A PTK whose KCK verified a handshake MIC, with the keys that open the station's frames.</summary>
internal sealed record PairwiseKey(Ptk Ptk, KeySuite Suite, TemporalKey Keys);

/// <summary>One non-AP station of a BSS: its 4-way handshake as far as the capture shows it, and the PTKs it used.</summary>
internal sealed class StationState(MacAddress address)
{
    /// <summary>PTKs kept: the newest and the one before it, for frames still sent under the old PTK while a
    /// re-handshake is under way (the new PTK is used from message 4 on, 12.7.6.5).</summary>
    private const int KeptKeys = 2;

    private readonly List<PairwiseKey> _keys = [];

    public MacAddress Address { get; } = address;

    /// <summary>Newest first.</summary>
    public IReadOnlyList<PairwiseKey> Keys => _keys;

    /// <summary>ANonce of the latest message 1 or 3.</summary>
    public byte[]? ANonce { get; set; }

    /// <summary>The latest message 2 (SNonce and the PDU its MIC covers).</summary>
    public Message2? PendingMessage2 { get; private set; }

    /// <summary>Handshakes whose MIC verified.</summary>
    public int HandshakesVerified { get; set; }

    /// <summary>Handshakes checked against every ANonce the capture offered for them, none verifying.</summary>
    public int HandshakesFailed { get; private set; }

    /// <summary>Takes a new message 2; the one it replaces is settled (failed if checked and never verified).</summary>
    public void SetMessage2(Message2 message)
    {
        Settle();
        PendingMessage2 = message;
    }

    /// <summary>Settles the pending message 2 (at its replacement or the end of the capture).</summary>
    public void Settle()
    {
        if (PendingMessage2 is { Attempts.Count: > 0, Verified: false, Unsupported: false }) HandshakesFailed++;
        PendingMessage2 = null;
    }

    public void Install(PairwiseKey key)
    {
        _keys.Insert(0, key);
        if (_keys.Count > KeptKeys) _keys.RemoveAt(_keys.Count - 1);
    }

    /// <summary>Message 2 as kept until an ANonce is there to check it against, and the ANonces tried.</summary>
    internal sealed record Message2(byte[] SNonce, byte[] Pdu, KeyDescriptorVersion Version, KeySuite Suite)
    {
        public List<byte[]> Attempts { get; } = [];
        public bool Verified { get; set; }
        /// <summary>Its AKM or cipher is not one keys can be derived for here: neither verified nor failed.</summary>
        public bool Unsupported { get; set; }
    }
}

using Net80211.DataPath;
using Net80211.Frames;
using Net80211.Nodes;
using Net80211.Packets;
using Net80211.Security;
using Net80211.Vaps;

namespace Net80211.Vap.Common;

/// <summary>
/// Applying a VAP's keys to frames (ieee80211_crypto_encap / _decap): which key protects or opens a frame,
/// and the drop counting when none does. The cipher work itself is the key's.
/// </summary>
internal static class FrameCrypto
{
    /// <summary>Is this 802.3 frame (DA SA type ...) an EAPOL frame (IEEE 802.1X: the handshake frames, which
    /// may go before keys exist)?</summary>
    public static bool IsEapol(ReadOnlySpan<byte> ethernetFrame)
        => ethernetFrame.Length >= EthernetHeader.Length && EthernetHeader.TypeOrLength(ethernetFrame) == EthernetHeader.EtherTypeEapol;

    /// <summary>Is this unprotected 802.11 data frame an EAPOL frame (LLC/SNAP with the EAPOL type)?</summary>
    public static bool IsEapolMpdu(ReadOnlySpan<byte> frame, int headerLength)
        => Llc.TryReadSnap(frame[headerLength..], out ushort etherType, out _) && etherType == EthernetHeader.EtherTypeEapol;

    /// <summary>The key a frame to <paramref name="node"/> goes out with: the pairwise key for unicast,
    /// the group transmit key for group frames (and static WEP keys for either).</summary>
    public static ICipherKey? TransmitKey(Ieee80211Vap vap, Ieee80211Node node, bool group)
    {
        if (group) return vap.Keys.GroupTransmitKey;
        if (node.PairwiseKey is { } pairwise) return pairwise;
        // Static WEP keys protect unicast too; under WPA a unicast frame has no key until the handshake.
        return vap.Security.AuthMode == AuthMode.Wpa ? null : vap.Keys.GroupTransmitKey;
    }

    /// <summary>
    /// Opens a protected MPDU in place. The key is the sender's pairwise key for unicast frames, the group
    /// key with the frame's key ID for group frames (and static WEP keys). Returns false after counting and
    /// freeing the frame when it cannot be opened.
    /// </summary>
    public static bool TryDecrypt(Ieee80211Vap vap, Packet frame, in FrameHeader header, Ieee80211Node? node)
    {
        int hdr = header.Length;
        var data = frame.Data;
        if (data.Length < hdr + 4)
        {
            Drop(vap, frame, ref vap.Stats.RxDecryptFailed);
            return false;
        }
        int keyIndex = data[hdr + 3] >> 6;
        ICipherKey? key = !header.Address1.IsGroup && node?.PairwiseKey is { } pk ? pk : vap.Keys.Group(keyIndex);
        if (key is null)
        {
            Drop(vap, frame, ref vap.Stats.RxNoKey);
            return false;
        }
        int tid = header.FrameControl.IsQosData ? header.QosControl.Tid : Ieee80211Node.NonQosTid;
        var result = key.Decapsulate(frame, hdr, tid);
        switch (result)
        {
            case CipherResult.Ok:
                // The peer protects unicast frames to us: it has the pairwise key, EAPOL can be protected too.
                if (node is not null && !header.Address1.IsGroup) node.EapolInClear = false;
                frame.Meta.Flags |= PacketFlags.Encrypted;
                frame.Meta.KeyIndex = (byte)key.KeyIndex;
                return true;
            case CipherResult.Replay:
                Drop(vap, frame, ref vap.Stats.RxReplay);
                return false;
            case CipherResult.IntegrityFailure:
                Drop(vap, frame, ref vap.Stats.RxIntegrityFailure);
                return false;
            default:
                Drop(vap, frame, ref vap.Stats.RxDecryptFailed);
                return false;
        }
    }

    /// <summary>Checks and strips the MMIE of a group-addressed management frame with the IGTK its key ID
    /// names. False (frame untouched) when there is none or it does not verify.</summary>
    public static bool TryVerifyBip(Ieee80211Vap vap, Packet frame, in FrameHeader header)
    {
        // The MMIE (ID, length, key ID (2), IPN (6), MIC (8 or 16)) is the cipher's trailer; the IGTKs of a
        // VAP share the negotiated cipher, so either one gives its length.
        if ((vap.Keys.Igtk(4) ?? vap.Keys.Igtk(5)) is not { } any) return false;
        int mmieLength = any.Cipher.TrailerLength;
        var data = frame.Data;
        if (data.Length < header.Length + mmieLength) return false;
        int keyId = data[^(mmieLength - 2)] | data[^(mmieLength - 3)] << 8;
        if (vap.Keys.Igtk(keyId) is not { } igtk) return false;
        return igtk.Decapsulate(frame, header.Length, Ieee80211Node.NonQosTid) == CipherResult.Ok;
    }

    private static void Drop(Ieee80211Vap vap, Packet frame, ref long counter)
    {
        Interlocked.Increment(ref counter);
        vap.Interface.CountInputError();
        frame.Free();
    }
}

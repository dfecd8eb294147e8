using Net80211.Packets;
using Net80211.Security;

namespace Net80211.Crypto.Decrypt;

/// <summary>Opens one captured MPDU with one key, replay checks disabled.</summary>
/// <remarks>
/// A capture is not a receiver: frames can be out of order, a station re-handshakes and starts its PN/TSC
/// at 1 again, a retransmission repeats its PN. So every attempt starts from receive counters of 0 (a valid
/// PN/TSC is at least 1, 12.5.3.3.2 and 12.5.2.6) and works on a fresh copy, so a failed attempt leaves
/// nothing behind for the next key. Exact retransmissions are the caller's business (<see cref="RetransmissionFilter"/>).
/// </remarks>
internal static class MpduOpener
{
    /// <summary>On <see cref="CipherResult.Ok"/> <paramref name="plain"/> is the 802.11 header (Protected bit
    /// clear) and the plaintext body, TKIP's Michael MIC checked and stripped when <paramref name="wholeMsdu"/>;
    /// the caller frees it. Otherwise <paramref name="plain"/> is null.</summary>
    public static CipherResult TryOpen(ICipherKey key, ReadOnlySpan<byte> mpdu, int headerLength, int tid, bool wholeMsdu,
        PacketPool pool, out Packet? plain)
    {
        plain = null;
        Packet frame = pool.Rent(mpdu);
        key.SetReceiveCounters(0);
        CipherResult result = key.Decapsulate(frame, headerLength, tid);
        if (result == CipherResult.Ok && wholeMsdu) result = key.VerifyMsduMic(frame, headerLength);
        if (result != CipherResult.Ok)
        {
            frame.Free();
            return result;
        }
        plain = frame;
        return CipherResult.Ok;
    }
}

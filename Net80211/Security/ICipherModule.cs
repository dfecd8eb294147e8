using Net80211.Packets;

namespace Net80211.Security;

/// <summary>
/// A cipher (struct ieee80211_cipher, registered like ieee80211_crypto_register): what it adds to a frame
/// and how to make a key of it. The Crypto project implements none, WEP, TKIP, CCMP-128/256, GCMP-128/256
/// and BIP-CMAC-128; a driver with hardware crypto declares the same ciphers in its crypto caps.
/// </summary>
public interface ICipherModule
{
    /// <summary>Name as ifconfig prints it ("AES-CCM", "TKIP", "WEP").</summary>
    string Name { get; }
    /// <summary>RSN suite selector, OUI 00-0F-AC then type (<see cref="Frames.CipherSuite"/> values).</summary>
    uint SuiteSelector { get; }
    /// <summary>Key length in bytes (WEP: 5 or 13 are both accepted; this is the longest).</summary>
    int KeyLength { get; }
    /// <summary>Bytes added in front of the MPDU body (IV/PN header; the MMIE goes at the end for BIP).</summary>
    int HeaderLength { get; }
    /// <summary>Bytes added after the MPDU body (ICV, MIC, MMIE).</summary>
    int TrailerLength { get; }
    /// <summary>Bytes of MSDU-level MIC (TKIP's Michael), 0 for the others.</summary>
    int MsduMicLength { get; }

    /// <summary>setkey: a key of this cipher. False with <paramref name="error"/> for bad material.</summary>
    bool TryCreateKey(ReadOnlySpan<byte> keyMaterial, int keyIndex, CipherKeyFlags flags, out ICipherKey? key, out string? error);
}

/// <summary>
/// One installed key (struct ieee80211_key) with its counters. Frames pass in place: the packet holds the
/// 802.11 header (<c>headerLength</c> bytes) and the body, with headroom for the cipher header and
/// tailroom for the trailer.
/// </summary>
public interface ICipherKey
{
    ICipherModule Cipher { get; }
    int KeyIndex { get; }
    CipherKeyFlags Flags { get; }

    /// <summary>Next packet number (PN / TSC / IV) to transmit with.</summary>
    ulong TransmitCounter { get; }

    /// <summary>Highest counter accepted on a traffic identifier (0..15; 16 = non-QoS and management).</summary>
    ulong ReceiveCounter(int tid);

    /// <summary>encap: protect an MPDU — insert the cipher header after the 802.11 header, encrypt, append
    /// the trailer, set the Protected bit, advance the transmit counter. False only when the frame cannot
    /// be protected (too short, counter exhausted).</summary>
    bool Encapsulate(Packet frame, int headerLength);

    /// <summary>decap: check and remove protection — replay (against <paramref name="tid"/>'s counter),
    /// integrity, decryption; on success the frame is header + plaintext body with the Protected bit clear
    /// and the receive counter advanced.</summary>
    CipherResult Decapsulate(Packet frame, int headerLength, int tid);

    /// <summary>Sets every receive counter (the RSC a handshake delivers with a group key), so frames sent
    /// before we got the key are not accepted as new.</summary>
    void SetReceiveCounters(ulong counter) { }

    /// <summary>The driver took this key into hardware (its KeySet returned true): from now on encap writes
    /// only the cipher header and decap trusts the device's decryption (<see cref="Radio.RxFlags.Decrypted"/>),
    /// checking replay and stripping. False when this cipher cannot be split that way; the key then stays
    /// in software and the driver is told to drop it.</summary>
    bool TryOffload() => false;

    /// <summary>enmic: MSDU-level MIC before fragmentation (TKIP Michael); the others do nothing.</summary>
    bool AddMsduMic(Packet msdu, int headerLength) => true;

    /// <summary>demic: verify and strip the MSDU-level MIC after reassembly.</summary>
    CipherResult VerifyMsduMic(Packet msdu, int headerLength) => CipherResult.Ok;
}

[Flags]
public enum CipherKeyFlags
{
    None = 0,
    /// <summary>A pairwise (unicast) key; otherwise a group key.</summary>
    Pairwise = 1 << 0,
    /// <summary>Used to transmit (the default transmit key).</summary>
    Transmit = 1 << 1,
    /// <summary>Used to receive.</summary>
    Receive = 1 << 2,
    /// <summary>A management-frame key (IGTK for BIP).</summary>
    Management = 1 << 3,
    /// <summary>Installed in hardware by the driver; the software key only keeps counters.</summary>
    Hardware = 1 << 4,
}

/// <summary>Why a protected frame was refused (each is a counted drop).</summary>
public enum CipherResult
{
    Ok = 0,
    /// <summary>Shorter than header + trailer.</summary>
    TooShort,
    /// <summary>The key ID / ExtIV bits do not fit this key.</summary>
    WrongKey,
    /// <summary>Counter not above the last accepted one (IEEE 802.11-2020 12.5.3.4.4).</summary>
    Replay,
    /// <summary>Integrity check failed (CCMP/GCMP MIC, WEP/TKIP ICV, BIP MIC).</summary>
    IntegrityFailure,
    /// <summary>TKIP Michael MIC failed: reported for countermeasures.</summary>
    MsduMicFailure,
    /// <summary>The frame is not protected or not for this cipher.</summary>
    Unsupported,
}

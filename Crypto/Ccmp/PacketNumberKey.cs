using System.Runtime.CompilerServices;
using Net80211.Frames;
using Net80211.Packets;
using Net80211.Radio;
using Net80211.Security;

namespace Net80211.Crypto.Ccmp;

/// <summary>
/// A key of the CCMP/GCMP family: the 8-octet ExtIV header with a 48-bit PN, an AEAD over the MPDU body with the
/// header-derived AAD, the MIC appended, and per-TID replay counters (IEEE 802.11-2020 12.5.3.4, 12.5.5.4).
/// The derived keys supply only the AEAD (<see cref="Seal"/>/<see cref="Open"/>) and its nonce.
/// </summary>
/// <remarks>
/// Frames are handled in place; nothing is allocated per frame.
/// <code>
///  before encap:   [ MAC header ][ body ]
///  after encap:    [ MAC header ][ CCMP header (8) ][ encrypted body ][ MIC (8 or 16) ]
/// </code>
/// The cipher header is made by moving the MAC header forward into the packet's headroom (M_PREPEND, then
/// the header copied down, as ieee80211_crypto_ccmp.c's ccmp_encap does); decap moves it back.
/// A key flagged <see cref="CipherKeyFlags.Hardware"/> keeps only the counters: encap writes the header and
/// leaves encryption and MIC to the device; decap checks key ID and replay on a frame the device has
/// already decrypted and verified (<see cref="RxFlags.Decrypted"/>), then strips the header and the MIC
/// unless the device removed it (<see cref="RxFlags.MicStripped"/>).
/// </remarks>
[SkipLocalsInit]
public abstract class PacketNumberKey : ICipherKey
{
    /// <summary>Bodies up to this length (CCM with L = 2 limits the payload to 2^16 − 1 octets).</summary>
    public const int MaxBodyLength = 0xFFFF;

    private ulong _transmitPacketNumber = 1;
    private ReceiveCounters _receive;

    private protected PacketNumberKey(ICipherModule cipher, int keyIndex, CipherKeyFlags flags, int micLength)
    {
        Cipher = cipher;
        KeyIndex = keyIndex;
        Flags = flags;
        MicLength = micLength;
    }

    public ICipherModule Cipher { get; }
    public int KeyIndex { get; }
    public CipherKeyFlags Flags { get; private set; }

    public bool TryOffload()
    {
        Flags |= CipherKeyFlags.Hardware;
        return true;
    }

    /// <summary>MIC octets appended: 8 (CCMP-128) or 16 (CCMP-256, GCMP).</summary>
    public int MicLength { get; }

    /// <summary>Both ends are SPP A-MSDU capable (RSN Capabilities, 9.4.2.24.4): the A-MSDU Present bit of
    /// QoS Control is then covered by the AAD instead of masked (12.5.3.3.3).</summary>
    public bool SppAmsdu { get; set; }

    /// <summary>The PN the next MPDU gets; starts at 1 (12.5.3.3.2).</summary>
    public ulong TransmitCounter => _transmitPacketNumber;

    public ulong ReceiveCounter(int tid) => _receive[ReceiveCounters.Index(tid)];

    /// <summary>Sets the next transmit PN (e.g. a driver restoring state); at most <see cref="CcmpHeader.MaxPacketNumber"/> + 1.</summary>
    public void SetTransmitCounter(ulong packetNumber)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(packetNumber, CcmpHeader.MaxPacketNumber + 1);
        _transmitPacketNumber = packetNumber;
    }

    /// <summary>Sets the last accepted PN of a TID (the RSC of a group key from the 4-way/group handshake).</summary>
    public void SetReceiveCounter(int tid, ulong packetNumber)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(packetNumber, CcmpHeader.MaxPacketNumber);
        _receive[ReceiveCounters.Index(tid)] = packetNumber;
    }

    /// <summary>Sets every TID's receive counter to the same PN.</summary>
    public void SetReceiveCounters(ulong packetNumber)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(packetNumber, CcmpHeader.MaxPacketNumber);
        ((Span<ulong>)_receive).Fill(packetNumber);
    }

    public bool Encapsulate(Packet frame, int headerLength)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (!CcmpAad.IsValidHeader(frame.Data, headerLength)) return false;
        int bodyLength = frame.Length - headerLength;
        if (bodyLength > MaxBodyLength) return false;
        ulong pn = _transmitPacketNumber;
        if (pn > CcmpHeader.MaxPacketNumber) return false;   // PN space exhausted: the key must be renewed

        frame.Prepend(CcmpHeader.Length);
        Span<byte> d = frame.Data;
        d.Slice(CcmpHeader.Length, headerLength).CopyTo(d);
        CcmpHeader.Write(d.Slice(headerLength, CcmpHeader.Length), pn, KeyIndex);
        d[1] |= (byte)FrameControlFlags.Protected;
        _transmitPacketNumber = pn + 1;
        if ((Flags & CipherKeyFlags.Hardware) != 0) return true;

        frame.Append(MicLength);
        d = frame.Data;
        ReadOnlySpan<byte> header = d[..headerLength];
        Span<byte> aad = stackalloc byte[CcmpAad.MaxLength];
        int aadLength = CcmpAad.Build(header, aad, SppAmsdu);
        int bodyOffset = headerLength + CcmpHeader.Length;
        Seal(header, pn, aad[..aadLength], d.Slice(bodyOffset, bodyLength), d.Slice(bodyOffset + bodyLength, MicLength));
        return true;
    }

    public CipherResult Decapsulate(Packet frame, int headerLength, int tid)
    {
        ArgumentNullException.ThrowIfNull(frame);
        Span<byte> d = frame.Data;
        bool hardware = (Flags & CipherKeyFlags.Hardware) != 0;
        int micLength = hardware && (frame.Meta.Rx.Flags & RxFlags.MicStripped) != 0 ? 0 : MicLength;
        if (headerLength < 0 || d.Length - CcmpHeader.Length - micLength < headerLength) return CipherResult.TooShort;
        if (!CcmpAad.IsValidHeader(d, headerLength) || (d[1] & (byte)FrameControlFlags.Protected) == 0)
            return CipherResult.Unsupported;

        ReadOnlySpan<byte> ivHeader = d.Slice(headerLength, CcmpHeader.Length);
        if (!CcmpHeader.HasExtIv(ivHeader) || CcmpHeader.KeyId(ivHeader) != KeyIndex) return CipherResult.WrongKey;

        // 12.5.3.4.4: the PN must be above the last accepted one on this TID.
        int counter = ReceiveCounters.Index(tid);
        ulong pn = CcmpHeader.ReadPacketNumber(ivHeader);
        if (pn <= _receive[counter]) return CipherResult.Replay;

        int bodyOffset = headerLength + CcmpHeader.Length;
        int bodyLength = d.Length - bodyOffset - micLength;
        // A hardware key's frames are decrypted by the device; one it did not decrypt (no key there yet,
        // MIC failure) must not pass as plaintext.
        if (hardware && (frame.Meta.Rx.Flags & RxFlags.Decrypted) == 0) return CipherResult.IntegrityFailure;
        if (!hardware)
        {
            ReadOnlySpan<byte> header = d[..headerLength];
            Span<byte> aad = stackalloc byte[CcmpAad.MaxLength];
            int aadLength = CcmpAad.Build(header, aad, SppAmsdu);
            if (!Open(header, pn, aad[..aadLength], d.Slice(bodyOffset, bodyLength), d.Slice(bodyOffset + bodyLength, MicLength)))
                return CipherResult.IntegrityFailure;
        }

        d[..headerLength].CopyTo(d[CcmpHeader.Length..]);
        frame.TrimFront(CcmpHeader.Length);
        frame.TrimBack(micLength);
        frame.Data[1] &= unchecked((byte)~FrameControlFlags.Protected);
        _receive[counter] = pn;
        return CipherResult.Ok;
    }

    /// <summary>Encrypts <paramref name="body"/> in place and writes the MIC.</summary>
    private protected abstract void Seal(ReadOnlySpan<byte> header, ulong packetNumber, ReadOnlySpan<byte> aad, Span<byte> body, Span<byte> mic);

    /// <summary>Verifies and decrypts <paramref name="body"/> in place; false (body unchanged) on a MIC mismatch.</summary>
    private protected abstract bool Open(ReadOnlySpan<byte> header, ulong packetNumber, ReadOnlySpan<byte> aad, Span<byte> body, ReadOnlySpan<byte> mic);
}

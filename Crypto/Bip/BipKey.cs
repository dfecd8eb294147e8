using System.Security.Cryptography;
using Net80211.Frames;
using Net80211.Packets;
using Net80211.Security;

namespace Net80211.Crypto.Bip;

/// <summary>
/// An IGTK (or BIGTK) of one of the BIP ciphers (IEEE 802.11-2020 12.5.4): protects group-addressed robust
/// management frames by appending an MMIE; nothing is encrypted and the Protected bit stays clear.
/// </summary>
/// <remarks>
/// <code>
///  before encap:   [ management header ][ body ]
///  after encap:    [ management header ][ body ][ MMIE: 76 | len | key id | IPN | MIC ]
/// </code>
/// MIC = MAC(IGTK, AAD || body with the MMIE's MIC field zero), AAD = FC with Retry, Power Management and More
/// Data masked to 0 || A1 || A2 || A3 (12.5.4.3, 12.5.4.4). One receive counter (the IPN) serves every TID.
/// A <see cref="CipherKeyFlags.Hardware"/> key writes the MMIE with a zero MIC for the device to fill and, on
/// receive, checks only the key ID and IPN of a frame the device verified.
/// </remarks>
public abstract class BipKey : ICipherKey, IDisposable
{
    /// <summary>FC (2) + A1 + A2 + A3.</summary>
    public const int AadLength = 2 + 3 * MacAddress.Length;
    private const byte MaskedFlags = 0x08 | 0x10 | 0x20; // Retry, Power Management, More Data (second FC octet)

    private ulong _transmitIpn = 1;
    private ulong _receiveIpn;

    private protected BipKey(ICipherModule cipher, int keyIndex, CipherKeyFlags flags, int micLength)
    {
        Cipher = cipher;
        KeyIndex = keyIndex;
        Flags = flags;
        MicLength = micLength;
    }

    public ICipherModule Cipher { get; }
    public int KeyIndex { get; }
    public CipherKeyFlags Flags { get; }
    public int MicLength { get; }

    /// <summary>The IPN the next frame gets; starts at 1.</summary>
    public ulong TransmitCounter => _transmitIpn;

    /// <summary>The last IPN accepted (for every TID).</summary>
    public ulong ReceiveCounter(int tid) => _receiveIpn;

    /// <summary>Sets the next transmit IPN (at most 2^48 − 1 + 1).</summary>
    public void SetTransmitCounter(ulong ipn)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(ipn, Mmie.MaxIpn + 1);
        _transmitIpn = ipn;
    }

    /// <summary>Sets the last accepted IPN (the IPN of the IGTK KDE from the 4-way or group handshake).</summary>
    public void SetReceiveCounter(ulong ipn)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(ipn, Mmie.MaxIpn);
        _receiveIpn = ipn;
    }

    public bool Encapsulate(Packet frame, int headerLength)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (!IsManagement(frame.Data, headerLength) || _transmitIpn > Mmie.MaxIpn) return false;
        ulong ipn = _transmitIpn;
        int mmieLength = Mmie.Length(MicLength);
        Mmie.Write(frame.Append(mmieLength), KeyIndex, ipn, MicLength);
        Span<byte> data = frame.Data;
        if ((Flags & CipherKeyFlags.Hardware) == 0)
        {
            Span<byte> aad = stackalloc byte[AadLength];
            BuildAad(data, aad);
            ComputeMic(aad, data[headerLength..], data.Slice(2 * 2 + MacAddress.Length, MacAddress.Length), ipn, data.Slice(data.Length - MicLength, MicLength));
        }
        _transmitIpn = ipn + 1;
        return true;
    }

    public CipherResult Decapsulate(Packet frame, int headerLength, int tid)
    {
        ArgumentNullException.ThrowIfNull(frame);
        Span<byte> data = frame.Data;
        int mmieLength = Mmie.Length(MicLength);
        if (headerLength < FrameHeader.ThreeAddressLength || data.Length < headerLength + mmieLength) return CipherResult.TooShort;
        if (!IsManagement(data, headerLength)) return CipherResult.Unsupported;
        Span<byte> mmie = data[^mmieLength..];
        if (!Mmie.IsMmie(mmie, MicLength)) return CipherResult.Unsupported;
        if (Mmie.ReadKeyId(mmie) != KeyIndex) return CipherResult.WrongKey;
        ulong ipn = Mmie.ReadIpn(mmie);
        // 12.5.4.5: an IPN not above the replay counter is a replay, checked before the MIC.
        if (ipn <= _receiveIpn) return CipherResult.Replay;
        if ((Flags & CipherKeyFlags.Hardware) == 0)
        {
            Span<byte> received = stackalloc byte[16];
            Span<byte> mic = mmie[Mmie.MicOffset..];
            mic.CopyTo(received);
            mic.Clear();
            Span<byte> aad = stackalloc byte[AadLength];
            Span<byte> computed = stackalloc byte[16];
            BuildAad(data, aad);
            ComputeMic(aad, data[headerLength..], data.Slice(2 * 2 + MacAddress.Length, MacAddress.Length), ipn, computed[..MicLength]);
            bool ok = CryptographicOperations.FixedTimeEquals(computed[..MicLength], received[..MicLength]);
            received[..MicLength].CopyTo(mic);
            if (!ok) return CipherResult.IntegrityFailure;
        }
        _receiveIpn = ipn;
        frame.TrimBack(mmieLength);
        return CipherResult.Ok;
    }

    /// <summary>The MIC over AAD || body (MMIE included, MIC field zero) into <paramref name="mic"/>.</summary>
    private protected abstract void ComputeMic(ReadOnlySpan<byte> aad, ReadOnlySpan<byte> body, ReadOnlySpan<byte> a2, ulong ipn, Span<byte> mic);

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }

    private static bool IsManagement(ReadOnlySpan<byte> data, int headerLength)
        => headerLength >= FrameHeader.ThreeAddressLength && data.Length >= headerLength && (data[0] & 0x0C) == 0; // type 0

    private static void BuildAad(ReadOnlySpan<byte> data, Span<byte> aad)
    {
        aad[0] = data[0];
        aad[1] = (byte)(data[1] & ~MaskedFlags);
        data.Slice(4, 3 * MacAddress.Length).CopyTo(aad[2..]); // A1 A2 A3 (Duration skipped)
    }
}

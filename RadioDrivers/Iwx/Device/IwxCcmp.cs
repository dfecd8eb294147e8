using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using Net80211.Frames;

namespace Net80211.RadioDrivers.Iwx.Device;

/// <summary>
/// The NIC's CCMP-128 engine (IEEE 802.11-2020 12.5.3): AES-CCM with an 8-octet MIC, the 13-octet nonce
/// (priority/management flags | A2 | PN5..PN0) and the AAD built from the MAC header (12.5.3.3.3). The frame
/// keeps the CCMP header the stack wrote; the engine encrypts or decrypts the body behind it in place.
/// </summary>
internal sealed class IwxCcmp : IDisposable
{
    public const int KeyLength = 16;
    public const int HeaderLength = 8;
    public const int MicLength = 8;
    public const int NonceLength = 13;
    private const int MaxAadLength = 30;
    private const byte ExtIv = 0x20;

    private readonly AesCcm _aes;

    public IwxCcmp(ReadOnlySpan<byte> key)
    {
        if (key.Length != KeyLength) throw new ArgumentException("CCMP-128 takes a 16-octet key", nameof(key));
        _aes = new AesCcm(key);
    }

    public void Dispose() => _aes.Dispose();

    /// <summary>MAC header length, PN and key id of a protected frame; false if it is too short or lacks ExtIV.</summary>
    public static bool TryParseHeader(ReadOnlySpan<byte> frame, out int headerLength, out ulong pn, out int keyId)
    {
        headerLength = 0;
        pn = 0;
        keyId = 0;
        if (frame.Length < FrameHeader.ThreeAddressLength) return false;
        var fc = new FrameControl(BinaryPrimitives.ReadUInt16LittleEndian(frame));
        if (fc.Type is not (FrameType.Data or FrameType.Management)) return false;
        headerLength = FrameHeader.GetHeaderLength(fc);
        if (frame.Length < headerLength + HeaderLength) return false;
        var ccmp = frame.Slice(headerLength, HeaderLength);
        if ((ccmp[3] & ExtIv) == 0) return false;
        keyId = ccmp[3] >> 6;
        pn = ccmp[0] | (ulong)ccmp[1] << 8 | (ulong)ccmp[4] << 16 | (ulong)ccmp[5] << 24 | (ulong)ccmp[6] << 32 | (ulong)ccmp[7] << 40;
        return true;
    }

    /// <summary>Encrypts the body of <paramref name="frame"/> (MAC header | CCMP header | plaintext) in place and
    /// writes the MIC into <paramref name="mic"/>.</summary>
    public bool TryEncrypt(Span<byte> frame, Span<byte> mic)
    {
        if (mic.Length < MicLength || !TryParseHeader(frame, out int hl, out ulong pn, out _)) return false;
        Span<byte> nonce = stackalloc byte[NonceLength];
        Span<byte> aad = stackalloc byte[MaxAadLength];
        int aadLength = BuildAad(frame[..hl], aad);
        BuildNonce(frame[..hl], pn, nonce);
        var body = frame[(hl + HeaderLength)..];
        byte[] scratch = ArrayPool<byte>.Shared.Rent(Math.Max(1, body.Length));
        try
        {
            _aes.Encrypt(nonce, body, scratch.AsSpan(0, body.Length), mic[..MicLength], aad[..aadLength]);
            scratch.AsSpan(0, body.Length).CopyTo(body);
            return true;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(scratch);
        }
    }

    /// <summary>Decrypts MAC header | CCMP header | ciphertext | MIC in place; on success the plaintext stands
    /// where the ciphertext was and <paramref name="length"/> is the frame without the MIC. False on a bad MIC
    /// (the frame is left as it was) or a malformed header.</summary>
    public bool TryDecrypt(Span<byte> frame, out int length)
    {
        length = frame.Length;
        if (!TryParseHeader(frame, out int hl, out ulong pn, out _) || frame.Length < hl + HeaderLength + MicLength) return false;
        Span<byte> nonce = stackalloc byte[NonceLength];
        Span<byte> aad = stackalloc byte[MaxAadLength];
        int aadLength = BuildAad(frame[..hl], aad);
        BuildNonce(frame[..hl], pn, nonce);
        var body = frame[(hl + HeaderLength)..^MicLength];
        var tag = frame[^MicLength..];
        byte[] scratch = ArrayPool<byte>.Shared.Rent(Math.Max(1, body.Length));
        try
        {
            _aes.Decrypt(nonce, body, tag, scratch.AsSpan(0, body.Length), aad[..aadLength]);
        }
        catch (AuthenticationTagMismatchException)
        {
            ArrayPool<byte>.Shared.Return(scratch);
            return false;
        }
        scratch.AsSpan(0, body.Length).CopyTo(body);
        ArrayPool<byte>.Shared.Return(scratch);
        length = frame.Length - MicLength;
        return true;
    }

    /// <summary>AAD (12.5.3.3.3): FC with Retry/PwrMgt/MoreData cleared, Protected set, the data subtype's
    /// b4–b6 cleared and Order cleared in QoS data; A1–A3; sequence control with the sequence number
    /// zeroed; A4 if present; QoS control with only the TID.</summary>
    internal static int BuildAad(ReadOnlySpan<byte> header, Span<byte> aad)
    {
        var fc = new FrameControl(BinaryPrimitives.ReadUInt16LittleEndian(header));
        byte fc0 = header[0], fc1 = header[1];
        if (fc.IsData) fc0 &= 0x8f;
        fc1 &= unchecked((byte)~(FrameControlFlags.Retry | FrameControlFlags.PowerManagement | FrameControlFlags.MoreData));
        fc1 |= (byte)FrameControlFlags.Protected;
        if (fc.IsQosData) fc1 &= unchecked((byte)~FrameControlFlags.Order);
        aad[0] = fc0;
        aad[1] = fc1;
        header.Slice(4, 18).CopyTo(aad[2..]);
        aad[20] = (byte)(header[22] & 0x0f);
        aad[21] = 0;
        int length = 22;
        int qos = FrameHeader.ThreeAddressLength;
        if (fc.HasAddress4)
        {
            header.Slice(24, 6).CopyTo(aad[length..]);
            length += 6;
            qos = FrameHeader.FourAddressLength;
        }
        if (fc.IsQosData)
        {
            aad[length] = (byte)(header[qos] & 0x0f);
            aad[length + 1] = 0;
            length += 2;
        }
        return length;
    }

    /// <summary>Nonce (12.5.3.3.4): flags (TID of QoS data, bit 4 for management) | A2 | PN5..PN0.</summary>
    internal static void BuildNonce(ReadOnlySpan<byte> header, ulong pn, Span<byte> nonce)
    {
        var fc = new FrameControl(BinaryPrimitives.ReadUInt16LittleEndian(header));
        nonce[0] = fc.IsQosData ? (byte)(header[fc.HasAddress4 ? FrameHeader.FourAddressLength : FrameHeader.ThreeAddressLength] & 0x0f)
            : fc.IsManagement ? (byte)0x10 : (byte)0;
        header.Slice(10, 6).CopyTo(nonce[1..]);
        for (int i = 0; i < 6; i++) nonce[7 + i] = (byte)(pn >> (8 * (5 - i)));
    }
}

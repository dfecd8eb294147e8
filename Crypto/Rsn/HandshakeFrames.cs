using System.Security.Cryptography;

namespace Net80211.Crypto.Rsn;

/// <summary>Building, signing and screening the EAPOL-Key frames of the handshakes (IEEE 802.11-2020 12.7.6, 12.7.7).</summary>
internal static class HandshakeFrames
{
    /// <summary>EAPOL protocol version written: 2 (802.1X-2004) for RSN, 1 for WPA1 (as wpa_supplicant/hostapd).</summary>
    public static byte ProtocolVersion(NegotiatedSuite suite) => suite.Protocol == RsnProtocol.Wpa ? (byte)1 : (byte)2;

    /// <summary>Writes a frame with the suite's descriptor type and version and, when <paramref name="kck"/> is
    /// not empty, its MIC.</summary>
    public static byte[] Build(NegotiatedSuite suite, KeyInformation bits, int keyLength, ulong replayCounter,
        ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> iv, ulong rsc, ReadOnlySpan<byte> keyData, ReadOnlySpan<byte> kck)
    {
        KeyDescriptorVersion version = suite.DescriptorVersion;
        var frame = new EapolKeyFrame
        {
            ProtocolVersion = ProtocolVersion(suite),
            DescriptorType = suite.DescriptorType,
            Info = (bits & ~KeyInformation.VersionMask) | (KeyInformation)(ushort)version,
            KeyLength = (ushort)keyLength,
            ReplayCounter = replayCounter,
            Nonce = nonce,
            Iv = iv,
            Rsc = rsc,
            KeyData = keyData,
        };
        byte[] bytes = frame.ToArray();
        if (!kck.IsEmpty && (bits & KeyInformation.Mic) != 0 && !EapolKeyMic.TrySign(version, kck, bytes))
        {
            throw new InvalidOperationException($"No MIC for descriptor version {version}.");
        }
        return bytes;
    }

    /// <summary>Parses and checks that the frame uses the negotiated descriptor type and version (12.7.2:
    /// others are discarded).</summary>
    public static bool TryRead(NegotiatedSuite suite, ReadOnlySpan<byte> eapol, out EapolKeyFrame frame)
    {
        if (!EapolKeyFrame.TryRead(eapol, out frame, out _)) return false;
        return frame.DescriptorType == suite.DescriptorType && frame.Version == suite.DescriptorVersion;
    }

    /// <summary>Key Data encryption for RSN messages 3 and group 1 (and WPA1 group 1); the IV is random for
    /// version 1 (ARC4) and zero otherwise.</summary>
    public static byte[] Encrypt(NegotiatedSuite suite, ReadOnlySpan<byte> kek, ReadOnlySpan<byte> plaintext, Span<byte> iv, Action<Span<byte>> random)
    {
        iv.Clear();
        if (suite.DescriptorVersion == KeyDescriptorVersion.HmacMd5Rc4) random(iv);
        if (!KeyDataEncryption.TryEncrypt(suite.DescriptorVersion, kek, iv, plaintext, out byte[]? ciphertext))
        {
            throw new InvalidOperationException($"No Key Data encryption for descriptor version {suite.DescriptorVersion}.");
        }
        return ciphertext;
    }

    public static bool SameKey(byte[]? installed, int installedIndex, ReadOnlySpan<byte> key, int keyIndex)
        => installed is not null && installedIndex == keyIndex && installed.Length == key.Length && CryptographicOperations.FixedTimeEquals(installed, key);
}

using Net80211.Packets;
using Net80211.Security;

namespace Net80211.Crypto.Wep;

/// <summary>
/// One WEP key (IEEE 802.11-2020 12.3.2) with its transmit IV counter. WEP has no replay protection:
/// <see cref="ReceiveCounter"/> is always 0.
/// </summary>
/// <remarks>
/// MPDU body as sent (12.3.2.2, Figure 12-3); everything after the IV header is encrypted:
/// <code>
///   octets:  3      1                     >= 0       4
///         +------+------------------+------------+-------+
///         |  IV  | Pad (b0-5) |KeyID| Data       | ICV   |
///         |      |            |b6-7 |            |       |
///         +------+------------------+------------+-------+
/// </code>
/// The per-frame ARC4 seed is IV || key (12.3.2.3). The IV goes on the air most significant octet first
/// (FreeBSD's order, so a counter reads naturally in a sniffer). IVs of the form (x, 0xFF, y) with
/// 3 &lt;= x &lt; 3 + key length leak key octets (Fluhrer-Mantin-Shamir) and are skipped.
/// </remarks>
public sealed class WepKey : ICipherKey
{
    public const int MaxKeyIndex = 3;
    internal const uint IvMask = 0xFF_FFFF;

    private const int IvLength = 3;
    /// <summary>Octet 3 of the IV header: key ID in bits 6-7, bit 5 (ExtIV) is TKIP's and must be 0 here.</summary>
    private const int KeyIdOffset = 3;
    private const int KeyIdShift = 6;
    private const byte ExtIvBit = 0x20;
    private const int MaxSeedLength = IvLength + WepCipher.Wep104KeyLength;

    private readonly byte[] _key;
    private uint _iv;

    /// <summary>A key of 5 (WEP-40) or 13 (WEP-104) octets that starts transmitting at <paramref name="initialIv"/>.</summary>
    public WepKey(WepCipher cipher, ReadOnlySpan<byte> key, int keyIndex, CipherKeyFlags flags, uint initialIv = 0)
    {
        ArgumentNullException.ThrowIfNull(cipher);
        if (!WepCipher.IsValidKeyLength(key.Length)) throw new ArgumentException("WEP keys are 5 or 13 octets", nameof(key));
        ArgumentOutOfRangeException.ThrowIfNegative(keyIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(keyIndex, MaxKeyIndex);
        Cipher = cipher;
        _key = key.ToArray();
        KeyIndex = keyIndex;
        Flags = flags;
        _iv = initialIv & IvMask;
    }

    public ICipherModule Cipher { get; }
    public int KeyIndex { get; }
    public CipherKeyFlags Flags { get; }
    public int KeyLength => _key.Length;

    /// <summary>WEP-40 or WEP-104 by key length.</summary>
    public uint SuiteSelector => WepCipher.SuiteSelectorFor(_key.Length);

    /// <summary>The IV the next frame goes out with (already past any weak IV).</summary>
    public ulong TransmitCounter => SkipWeak(_iv, _key.Length);

    public ulong ReceiveCounter(int tid) => 0;

    public bool Encapsulate(Packet frame, int headerLength)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentOutOfRangeException.ThrowIfNegative(headerLength);
        if (headerLength < Frames.FrameControl.Length || frame.Length < headerLength) return false;

        uint iv = SkipWeak(_iv, _key.Length);
        _iv = (iv + 1) & IvMask;

        Span<byte> ivHeader = MpduFraming.InsertAfterHeader(frame, headerLength, WepCipher.IvHeaderLength);
        ivHeader[0] = (byte)(iv >> 16);
        ivHeader[1] = (byte)(iv >> 8);
        ivHeader[2] = (byte)iv;
        ivHeader[KeyIdOffset] = (byte)(KeyIndex << KeyIdShift);
        frame.Append(WepCipher.IcvLength);

        Span<byte> data = frame.Data;
        Span<byte> seed = stackalloc byte[MaxSeedLength];
        seed = BuildSeed(data.Slice(headerLength, IvLength), seed);
        WepEncryption.Seal(seed, data[(headerLength + WepCipher.IvHeaderLength)..]);
        MpduFraming.SetProtected(data);
        return true;
    }

    public CipherResult Decapsulate(Packet frame, int headerLength, int tid)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentOutOfRangeException.ThrowIfNegative(headerLength);
        Span<byte> data = frame.Data;
        if (headerLength < Frames.FrameControl.Length || data.Length < headerLength) return CipherResult.TooShort;
        if (!MpduFraming.IsProtected(data)) return CipherResult.Unsupported;
        if (data.Length < headerLength + WepCipher.IvHeaderLength + WepCipher.IcvLength) return CipherResult.TooShort;

        byte keyId = data[headerLength + KeyIdOffset];
        if ((keyId & ExtIvBit) != 0 || keyId >> KeyIdShift != KeyIndex) return CipherResult.WrongKey;

        Span<byte> seed = stackalloc byte[MaxSeedLength];
        seed = BuildSeed(data.Slice(headerLength, IvLength), seed);
        if (!WepEncryption.Open(seed, data[(headerLength + WepCipher.IvHeaderLength)..])) return CipherResult.IntegrityFailure;

        MpduFraming.RemoveAfterHeader(frame, headerLength, WepCipher.IvHeaderLength);
        frame.TrimBack(WepCipher.IcvLength);
        MpduFraming.ClearProtected(frame.Data);
        return CipherResult.Ok;
    }

    /// <summary>The next IV at or after <paramref name="iv"/> that is not weak for a key of <paramref name="keyLength"/>
    /// octets: (x, 0xFF, y) with 3 &lt;= x &lt; 3 + keyLength jumps to (x + 1, 0x00, y).</summary>
    public static uint SkipWeak(uint iv, int keyLength)
    {
        iv &= IvMask;
        if ((iv & 0x00FF00) == 0x00FF00)
        {
            uint x = iv >> 16;
            if (x >= IvLength && x < IvLength + (uint)keyLength) iv = (iv + 0x000100) & IvMask;
        }
        return iv;
    }

    /// <summary>Seed = IV || key (12.3.2.3).</summary>
    private Span<byte> BuildSeed(ReadOnlySpan<byte> iv, Span<byte> buffer)
    {
        iv.CopyTo(buffer);
        _key.CopyTo(buffer[IvLength..]);
        return buffer[..(IvLength + _key.Length)];
    }
}

using Net80211.Frames;
using Net80211.Security;

namespace Net80211.Crypto.Wep;

/// <summary>
/// WEP (IEEE 802.11-2020 12.3.2; FreeBSD ieee80211_crypto_wep.c): one module, named "WEP", for both key
/// sizes. Keys of 5 octets are WEP-40 (suite 00-0F-AC:1), of 13 octets WEP-104 (00-0F-AC:5);
/// <see cref="SuiteSelector"/> names the longer one, as <see cref="KeyLength"/> does, and
/// <see cref="SuiteSelectorFor"/> / <see cref="WepKey.SuiteSelector"/> give the selector of a given key.
/// </summary>
/// <remarks>
/// The transmit IV of every key made here starts at <see cref="InitialIv"/> and counts up, skipping weak IVs
/// (<see cref="WepKey"/>), so a run is reproducible; FreeBSD starts at a random IV instead.
/// </remarks>
public sealed class WepCipher : ICipherModule
{
    public const string CipherName = "WEP";
    public const int Wep40KeyLength = 5;
    public const int Wep104KeyLength = 13;
    /// <summary>IV (3) + Pad/Key ID (1), 12.3.2.2 Figure 12-3.</summary>
    public const int IvHeaderLength = 4;
    public const int IcvLength = WepEncryption.IcvLength;

    public WepCipher() { }

    /// <summary>A module whose keys start transmitting at IV <paramref name="initialIv"/> (24 bits).</summary>
    public WepCipher(uint initialIv) => InitialIv = initialIv & WepKey.IvMask;

    /// <summary>The IV every new key starts counting from.</summary>
    public uint InitialIv { get; }

    public string Name => CipherName;
    public uint SuiteSelector => (uint)CipherSuite.Wep104;
    public int KeyLength => Wep104KeyLength;
    public int HeaderLength => IvHeaderLength;
    public int TrailerLength => IcvLength;
    public int MsduMicLength => 0;

    /// <summary>The RSN suite selector for a WEP key of <paramref name="keyLength"/> octets: WEP-40 for 5, WEP-104 for 13.</summary>
    public static uint SuiteSelectorFor(int keyLength) => keyLength switch
    {
        Wep40KeyLength => (uint)CipherSuite.Wep40,
        Wep104KeyLength => (uint)CipherSuite.Wep104,
        _ => throw new ArgumentOutOfRangeException(nameof(keyLength), keyLength, "WEP keys are 5 or 13 octets"),
    };

    public static bool IsValidKeyLength(int keyLength) => keyLength is Wep40KeyLength or Wep104KeyLength;

    public bool TryCreateKey(ReadOnlySpan<byte> keyMaterial, int keyIndex, CipherKeyFlags flags, out ICipherKey? key, out string? error)
    {
        key = null;
        if (!IsValidKeyLength(keyMaterial.Length))
        {
            error = $"WEP key must be {Wep40KeyLength} or {Wep104KeyLength} octets, not {keyMaterial.Length}";
            return false;
        }
        if (keyIndex is < 0 or > WepKey.MaxKeyIndex)
        {
            error = $"WEP key index must be 0..{WepKey.MaxKeyIndex}, not {keyIndex}";
            return false;
        }
        key = new WepKey(this, keyMaterial, keyIndex, flags, InitialIv);
        error = null;
        return true;
    }
}

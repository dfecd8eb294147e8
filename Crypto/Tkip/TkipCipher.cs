using Net80211.Frames;
using Net80211.Security;

namespace Net80211.Crypto.Tkip;

/// <summary>
/// TKIP (IEEE 802.11-2020 12.5.2; FreeBSD ieee80211_crypto_tkip.c), "TKIP", suite 00-0F-AC:2, 32-octet keys.
/// </summary>
/// <remarks>
/// Key material is the TK as 802.11 lays it out: TK (16) | Michael A→S (8) | Michael S→A (8). The
/// <see cref="ICipherModule"/> entry point, which carries no role, makes an <see cref="TkipRole.Authenticator"/>
/// key — that is also FreeBSD's in-kernel layout TK | TX MIC | RX MIC, for which wpa_supplicant swaps the
/// halves; a supplicant uses the overload with <see cref="TkipRole.Supplicant"/> (or swaps the halves itself).
/// </remarks>
public sealed class TkipCipher : ICipherModule
{
    public const string CipherName = "TKIP";
    public const int KeyMaterialLength = 32;
    /// <summary>IV/KeyID (4) + Extended IV (4), 12.5.2.2.</summary>
    public const int IvHeaderLength = 8;
    public const int IcvLength = 4;
    public const int MichaelLength = MichaelMic.MicLength;

    public string Name => CipherName;
    public uint SuiteSelector => (uint)CipherSuite.Tkip;
    public int KeyLength => KeyMaterialLength;
    public int HeaderLength => IvHeaderLength;
    public int TrailerLength => IcvLength;
    public int MsduMicLength => MichaelLength;

    public bool TryCreateKey(ReadOnlySpan<byte> keyMaterial, int keyIndex, CipherKeyFlags flags, out ICipherKey? key, out string? error)
        => TryCreateKey(keyMaterial, keyIndex, flags, TkipRole.Authenticator, out key, out error);

    /// <summary>setkey with the holder's role, which picks the TX and RX Michael keys.</summary>
    public bool TryCreateKey(ReadOnlySpan<byte> keyMaterial, int keyIndex, CipherKeyFlags flags, TkipRole role, out ICipherKey? key, out string? error)
    {
        key = null;
        if (keyMaterial.Length != KeyMaterialLength)
        {
            error = $"TKIP key must be {KeyMaterialLength} octets, not {keyMaterial.Length}";
            return false;
        }
        if (keyIndex is < 0 or > TkipKey.MaxKeyIndex)
        {
            error = $"TKIP key index must be 0..{TkipKey.MaxKeyIndex}, not {keyIndex}";
            return false;
        }
        if (role is not (TkipRole.Authenticator or TkipRole.Supplicant))
        {
            error = $"unknown TKIP role {role}";
            return false;
        }
        key = new TkipKey(this, keyMaterial, keyIndex, flags, role);
        error = null;
        return true;
    }
}

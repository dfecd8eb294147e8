using Net80211.Crypto.Ccmp;
using Net80211.Crypto.Gcmp;
using Net80211.Crypto.Rsn;
using Net80211.Crypto.Tkip;
using Net80211.Crypto.Wep;
using Net80211.Frames;
using Net80211.Security;

namespace Net80211.Crypto.Decrypt;

/// <summary>Which counter a decrypted frame adds to.</summary>
internal enum CipherFamily
{
    Wep,
    Tkip,
    /// <summary>CCMP-128 and CCMP-256.</summary>
    Ccmp,
    /// <summary>GCMP-128 and GCMP-256.</summary>
    Gcmp,
}

/// <summary>The cipher modules the decryptor uses, by suite selector (WPA selectors normalised).</summary>
internal static class CipherModules
{
    private static readonly CcmpCipher s_ccmp = new();
    private static readonly Ccmp256Cipher s_ccmp256 = new();
    private static readonly GcmpCipher s_gcmp = new();
    private static readonly Gcmp256Cipher s_gcmp256 = new();
    private static readonly TkipCipher s_tkip = new();
    private static readonly WepCipher s_wep = new();

    public static ICipherModule? For(CipherSuite suite) => CipherKeyLengths.Normalize(suite) switch
    {
        CipherSuite.Ccmp128 => s_ccmp,
        CipherSuite.Ccmp256 => s_ccmp256,
        CipherSuite.Gcmp128 => s_gcmp,
        CipherSuite.Gcmp256 => s_gcmp256,
        CipherSuite.Tkip => s_tkip,
        CipherSuite.Wep40 or CipherSuite.Wep104 => s_wep,
        _ => null,
    };

    public static WepCipher Wep => s_wep;

    public static CipherFamily FamilyOf(CipherSuite suite) => CipherKeyLengths.Normalize(suite) switch
    {
        CipherSuite.Tkip => CipherFamily.Tkip,
        CipherSuite.Gcmp128 or CipherSuite.Gcmp256 => CipherFamily.Gcmp,
        CipherSuite.Wep40 or CipherSuite.Wep104 => CipherFamily.Wep,
        _ => CipherFamily.Ccmp,
    };

    /// <summary>The group cipher a GTK of <paramref name="length"/> octets implies when no element named it.</summary>
    public static CipherSuite GroupCipherForKeyLength(int length) => length switch
    {
        5 => CipherSuite.Wep40,
        13 => CipherSuite.Wep104,
        16 => CipherSuite.Ccmp128,
        32 => CipherSuite.Tkip,
        _ => default,
    };

    public static string Name(CipherSuite suite) => CipherKeyLengths.Normalize(suite) switch
    {
        CipherSuite.Ccmp128 => "CCMP",
        CipherSuite.Ccmp256 => "CCMP-256",
        CipherSuite.Gcmp128 => "GCMP",
        CipherSuite.Gcmp256 => "GCMP-256",
        CipherSuite.Tkip => "TKIP",
        CipherSuite.Wep40 => "WEP40",
        CipherSuite.Wep104 => "WEP104",
        _ => $"cipher {(uint)suite:X8}",
    };
}

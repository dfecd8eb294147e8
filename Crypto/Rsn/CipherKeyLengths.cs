using Net80211.Frames;

namespace Net80211.Crypto.Rsn;

/// <summary>Temporal key lengths per cipher suite (IEEE 802.11-2020 12.7.2, Table 12-8), WPA selectors included.</summary>
public static class CipherKeyLengths
{
    /// <summary>Octets of TK / GTK for <paramref name="cipher"/>, 0 when it has no temporal key.</summary>
    public static int Of(CipherSuite cipher) => Normalize(cipher) switch
    {
        CipherSuite.Wep40 => 5,
        CipherSuite.Wep104 => 13,
        CipherSuite.Tkip => 32, // 16 octets of key and two 8-octet Michael keys
        CipherSuite.Ccmp128 or CipherSuite.Gcmp128 => 16,
        CipherSuite.Ccmp256 or CipherSuite.Gcmp256 => 32,
        CipherSuite.BipCmac128 or CipherSuite.BipGmac128 => 16,
        CipherSuite.BipCmac256 or CipherSuite.BipGmac256 => 32,
        _ => 0,
    };

    /// <summary>The RSN selector for a WPA (00-50-F2) cipher selector; others unchanged.</summary>
    public static CipherSuite Normalize(CipherSuite cipher) => cipher switch
    {
        CipherSuite.WpaWep40 => CipherSuite.Wep40,
        CipherSuite.WpaTkip => CipherSuite.Tkip,
        CipherSuite.WpaCcmp => CipherSuite.Ccmp128,
        CipherSuite.WpaWep104 => CipherSuite.Wep104,
        _ => cipher,
    };

    /// <summary>The RSN selector for a WPA (00-50-F2) AKM selector; others unchanged.</summary>
    public static AkmSuite Normalize(AkmSuite akm) => akm switch
    {
        AkmSuite.WpaPsk => AkmSuite.Psk,
        AkmSuite.WpaIeee8021X => AkmSuite.Ieee8021X,
        _ => akm,
    };

    /// <summary>The WPA (00-50-F2) selector of an RSN cipher, for WPA elements.</summary>
    public static CipherSuite ToWpa(CipherSuite cipher) => cipher switch
    {
        CipherSuite.Wep40 => CipherSuite.WpaWep40,
        CipherSuite.Tkip => CipherSuite.WpaTkip,
        CipherSuite.Ccmp128 => CipherSuite.WpaCcmp,
        CipherSuite.Wep104 => CipherSuite.WpaWep104,
        _ => cipher,
    };

    public static AkmSuite ToWpa(AkmSuite akm) => akm switch
    {
        AkmSuite.Psk => AkmSuite.WpaPsk,
        AkmSuite.Ieee8021X => AkmSuite.WpaIeee8021X,
        _ => akm,
    };
}

namespace Net80211.Radio;

/// <summary>What the radio can do (ic_caps, IEEE80211_C_*): the opmodes it supports and features it offers.</summary>
[Flags]
public enum RadioCapabilities : uint
{
    None = 0,
    Sta = 1 << 0,
    HostAp = 1 << 1,
    Ibss = 1 << 2,
    Monitor = 1 << 3,
    Wds = 1 << 4,
    Ahdemo = 1 << 5,
    /// <summary>Transmit power control.</summary>
    TxPowerMgmt = 1 << 8,
    ShortPreamble = 1 << 9,
    ShortSlot = 1 << 10,
    Wme = 1 << 11,
    /// <summary>Driver/firmware sends beacons itself; otherwise the stack does.</summary>
    SoftwareBeacon = 1 << 12,
    /// <summary>Driver (firmware) scans by itself; the stack only starts and ends the scan.</summary>
    ScanOffload = 1 << 13,
    BackgroundScan = 1 << 14,
    PowerSave = 1 << 15,
    /// <summary>Several VAPs may run at once (IEEE80211_C_MULTIVAP-like).</summary>
    MultiVap = 1 << 16,
    /// <summary>Firmware picks transmit rates (use rate control "none").</summary>
    FirmwareRateControl = 1 << 17,
}

/// <summary>Ciphers the hardware can do itself (ic_cryptocaps, IEEE80211_CRYPTO_*).</summary>
[Flags]
public enum CryptoCapabilities : uint
{
    None = 0,
    Wep = 1 << 0,
    Tkip = 1 << 1,
    AesOcb = 1 << 2,
    AesCcm = 1 << 3,
    TkipMic = 1 << 4,
    Ckip = 1 << 5,
    AesGcm128 = 1 << 6,
    AesCcm256 = 1 << 7,
    AesGcm256 = 1 << 8,
    BipCmac128 = 1 << 9,
}

/// <summary>Operating mode of a VAP (enum ieee80211_opmode).</summary>
public enum OpMode
{
    Ibss = 0,
    Sta = 1,
    Wds = 2,
    Ahdemo = 3,
    HostAp = 6,
    Monitor = 8,
    Mbss = 9,
}

public static class OpModeNames
{
    /// <summary>The wlanmode keywords ifconfig accepts, as FreeBSD spells them.</summary>
    public static bool TryParse(string? text, out OpMode mode)
    {
        switch (text?.ToLowerInvariant())
        {
            case "sta": case "station": mode = OpMode.Sta; return true;
            case "ap": case "hostap": mode = OpMode.HostAp; return true;
            case "adhoc": case "ibss": mode = OpMode.Ibss; return true;
            case "monitor": mode = OpMode.Monitor; return true;
            case "wds": mode = OpMode.Wds; return true;
            case "ahdemo": case "adhoc-demo": mode = OpMode.Ahdemo; return true;
            case "mesh": case "mbss": mode = OpMode.Mbss; return true;
            default: mode = default; return false;
        }
    }

    public static string Name(OpMode mode) => mode switch
    {
        OpMode.Sta => "sta",
        OpMode.HostAp => "hostap",
        OpMode.Ibss => "adhoc",
        OpMode.Monitor => "monitor",
        OpMode.Wds => "wds",
        OpMode.Ahdemo => "ahdemo",
        OpMode.Mbss => "mesh",
        _ => mode.ToString(),
    };

    /// <summary>The capability a radio must have to host a VAP of this mode.</summary>
    public static RadioCapabilities RequiredCapability(OpMode mode) => mode switch
    {
        OpMode.Sta => RadioCapabilities.Sta,
        OpMode.HostAp => RadioCapabilities.HostAp,
        OpMode.Ibss => RadioCapabilities.Ibss,
        OpMode.Monitor => RadioCapabilities.Monitor,
        OpMode.Wds => RadioCapabilities.Wds,
        OpMode.Ahdemo => RadioCapabilities.Ahdemo,
        _ => (RadioCapabilities)uint.MaxValue,
    };
}

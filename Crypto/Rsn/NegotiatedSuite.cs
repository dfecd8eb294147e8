using Net80211.Frames;

namespace Net80211.Crypto.Rsn;

/// <summary>The security association both sides agreed on (the result of <see cref="RsnNegotiation"/>).
/// Selectors are RSN values (00-0F-AC) also for WPA1, whose 00-50-F2 selectors are normalised.</summary>
public sealed record NegotiatedSuite
{
    public RsnProtocol Protocol { get; init; } = RsnProtocol.Rsn;
    public CipherSuite PairwiseCipher { get; init; } = CipherSuite.Ccmp128;
    public CipherSuite GroupCipher { get; init; } = CipherSuite.Ccmp128;
    public AkmSuite Akm { get; init; } = AkmSuite.Psk;
    /// <summary>Management frame protection in use (both MFPC, 12.6.3): an IGTK is delivered.</summary>
    public bool ManagementFrameProtection { get; init; }
    public CipherSuite GroupManagementCipher { get; init; } = CipherSuite.BipCmac128;

    /// <summary>EAPOL-Key descriptor type: 2 (RSN) or 254 (WPA) (12.7.2 a).</summary>
    public byte DescriptorType => Protocol == RsnProtocol.Wpa ? EapolKeyFrame.DescriptorTypeWpa : EapolKeyFrame.DescriptorTypeRsn;

    /// <summary>12.7.2 b.1: version 3 for the SHA-256 and FT AKMs, 1 when the pairwise cipher is TKIP (or WEP),
    /// otherwise 2.</summary>
    public KeyDescriptorVersion DescriptorVersion => Akm switch
    {
        AkmSuite.FtIeee8021X or AkmSuite.FtPsk or AkmSuite.Ieee8021XSha256 or AkmSuite.PskSha256 => KeyDescriptorVersion.AesCmac,
        _ when PairwiseCipher is CipherSuite.Tkip or CipherSuite.Wep40 or CipherSuite.Wep104 => KeyDescriptorVersion.HmacMd5Rc4,
        _ => KeyDescriptorVersion.HmacSha1Aes,
    };

    public int TkLength => CipherKeyLengths.Of(PairwiseCipher);
    public int GtkLength => CipherKeyLengths.Of(GroupCipher);
    public int IgtkLength => CipherKeyLengths.Of(GroupManagementCipher);
}

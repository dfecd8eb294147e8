using Net80211.Crypto.Rsn;
using Net80211.Frames;

namespace Net80211.Crypto.Decrypt;

/// <summary>The suites a station's keys use: protocol, pairwise cipher, group cipher (0 when not known) and
/// AKM, WPA selectors normalised to their RSN values.</summary>
internal readonly record struct KeySuite(RsnProtocol Protocol, CipherSuite Pairwise, CipherSuite Group, AkmSuite Akm)
{
    /// <summary>The suites an RSN element (ID 48) or WPA element (vendor 00-50-F2:1), header included,
    /// names; where it offers several (a beacon), the one <paramref name="version"/> points to
    /// (12.7.2 b.1: 1 = TKIP, 2 = CCMP and friends, 3 = the SHA-256 AKMs). False when it is neither or does not parse.</summary>
    public static bool TryFromElement(ReadOnlySpan<byte> element, KeyDescriptorVersion version, out KeySuite suite)
    {
        suite = default;
        if (element.Length < InformationElement.HeaderLength || element[1] != element.Length - InformationElement.HeaderLength) return false;
        ReadOnlySpan<byte> body = element[InformationElement.HeaderLength..];
        if (element[0] == (byte)ElementId.Rsn)
        {
            if (!RsnElement.TryRead(body, out RsnElement rsn, out _)) return false;
            CipherSuite group = rsn.EffectiveGroupDataCipher;
            CipherSuite pairwise = rsn.Has(RsnField.PairwiseCiphers) ? Choose(rsn.PairwiseCiphers, version, group) : CipherSuite.Ccmp128;
            AkmSuite akm = rsn.Has(RsnField.Akms) ? Choose(rsn.Akms, version) : AkmSuite.Ieee8021X;
            suite = new KeySuite(RsnProtocol.Rsn, pairwise, group, akm);
            return true;
        }
        if (element[0] == (byte)ElementId.VendorSpecific && WpaElement.IsWpa(body))
        {
            if (!WpaElement.TryRead(body, out WpaElement wpa, out _)) return false;
            // WPA 1.0 defaults when a field is absent: TKIP and 802.1X.
            CipherSuite group = wpa.Has(RsnField.GroupDataCipher) ? CipherKeyLengths.Normalize(wpa.GroupCipher) : CipherSuite.Tkip;
            CipherSuite pairwise = wpa.Has(RsnField.PairwiseCiphers) ? Choose(wpa.PairwiseCiphers, version, group) : CipherSuite.Tkip;
            AkmSuite akm = wpa.Has(RsnField.Akms) ? Choose(wpa.Akms, version) : AkmSuite.Ieee8021X;
            suite = new KeySuite(RsnProtocol.Wpa, pairwise, group, akm);
            return true;
        }
        return false;
    }

    /// <summary>What an EAPOL-Key frame alone implies when no element names the suites: its descriptor type
    /// (254 = WPA) and version (1 = TKIP/PSK, 2 = CCMP/PSK, 3 = CCMP/PSK-SHA256). The group cipher stays unknown.</summary>
    public static KeySuite FromDescriptor(byte descriptorType, KeyDescriptorVersion version)
    {
        RsnProtocol protocol = descriptorType == EapolKeyFrame.DescriptorTypeWpa ? RsnProtocol.Wpa : RsnProtocol.Rsn;
        return version switch
        {
            KeyDescriptorVersion.HmacMd5Rc4 => new KeySuite(protocol, CipherSuite.Tkip, default, AkmSuite.Psk),
            KeyDescriptorVersion.AesCmac => new KeySuite(protocol, CipherSuite.Ccmp128, default, AkmSuite.PskSha256),
            _ => new KeySuite(protocol, CipherSuite.Ccmp128, default, AkmSuite.Psk),
        };
    }

    /// <summary>PtkDerivation covers these AKMs (PRF-SHA1 and KDF-SHA256 families); FT, SAE, OWE, FILS... derive otherwise.</summary>
    public bool IsDerivable => Akm is AkmSuite.Psk or AkmSuite.Ieee8021X or AkmSuite.PskSha256 or AkmSuite.Ieee8021XSha256
        && CipherModules.For(Pairwise) is not null;

    /// <summary>"WPA2 CCMP/PSK", "WPA TKIP/PSK".</summary>
    public override string ToString()
        => $"{(Protocol == RsnProtocol.Wpa ? "WPA" : "WPA2")} {CipherModules.Name(Pairwise)}/{AkmName(Akm)}";

    private static CipherSuite Choose(SuiteList offered, KeyDescriptorVersion version, CipherSuite group)
    {
        if (offered.IsEmpty) return group;
        if (offered.Count > 1)
        {
            bool tkip = version == KeyDescriptorVersion.HmacMd5Rc4;
            foreach (uint selector in offered)
            {
                CipherSuite cipher = CipherKeyLengths.Normalize((CipherSuite)selector);
                if (tkip ? cipher == CipherSuite.Tkip : cipher is CipherSuite.Ccmp128 or CipherSuite.Gcmp128 or CipherSuite.Ccmp256 or CipherSuite.Gcmp256)
                    return cipher;
            }
        }
        CipherSuite first = CipherKeyLengths.Normalize((CipherSuite)offered[0]);
        return first == CipherSuite.UseGroup ? group : first;
    }

    private static AkmSuite Choose(SuiteList offered, KeyDescriptorVersion version)
    {
        if (offered.IsEmpty) return AkmSuite.Ieee8021X;
        AkmSuite wanted = version == KeyDescriptorVersion.AesCmac ? AkmSuite.PskSha256 : AkmSuite.Psk;
        foreach (uint selector in offered)
        {
            if (CipherKeyLengths.Normalize((AkmSuite)selector) == wanted) return wanted;
        }
        return CipherKeyLengths.Normalize((AkmSuite)offered[0]);
    }

    private static string AkmName(AkmSuite akm) => akm switch
    {
        AkmSuite.Psk => "PSK",
        AkmSuite.PskSha256 => "PSK-SHA256",
        AkmSuite.Ieee8021X => "802.1X",
        AkmSuite.Ieee8021XSha256 => "802.1X-SHA256",
        AkmSuite.FtPsk => "FT-PSK",
        AkmSuite.Sae => "SAE",
        _ => $"AKM {(uint)akm:X8}",
    };
}

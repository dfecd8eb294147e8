using Net80211.Security;
using Net80211.Frames;

namespace Net80211.Crypto.Rsn;

/// <summary>Our RSN element (IEEE 802.11-2020 9.4.2.24) or WPA element, whole (ID, Length, body), written with the
/// frame codec: every allowed suite for beacons and probe responses, the chosen ones for (re)association requests.</summary>
public static class RsnElementBuilder
{
    /// <summary>AP: the RSN element for beacons and probe responses. The Group Management Cipher field is written
    /// only when MFP is on and the cipher is not the default BIP-CMAC-128 (9.4.2.24.1), as hostapd does.</summary>
    public static byte[] ForBeacon(RsnConfiguration config)
    {
        ArgumentNullException.ThrowIfNull(config);
        uint[] pairwise = Ordered(config.PairwiseCiphers);
        uint[] akms = config.Akms.Select(a => (uint)a).ToArray();
        return Write(config.GroupCipher, pairwise, akms, config.Capabilities, config.Mfp != MfpMode.Disabled ? config.GroupManagementCipher : null);
    }

    /// <summary>AP with WPA1 allowed: the WPA element for beacons (TKIP and CCMP of our pairwise ciphers).</summary>
    public static byte[] WpaForBeacon(RsnConfiguration config)
    {
        ArgumentNullException.ThrowIfNull(config);
        uint[] pairwise = Ordered(config.PairwiseCiphers.Where(c => c is CipherSuite.Tkip or CipherSuite.Ccmp128).ToList())
            .Select(c => (uint)CipherKeyLengths.ToWpa((CipherSuite)c)).ToArray();
        uint[] akms = config.Akms.Where(a => a is AkmSuite.Psk or AkmSuite.Ieee8021X).Select(a => (uint)CipherKeyLengths.ToWpa(a)).ToArray();
        return WriteWpa(CipherKeyLengths.ToWpa(config.GroupCipher), pairwise, akms);
    }

    /// <summary>Station: the element for the (Re)Association Request — exactly the chosen pairwise cipher and
    /// AKM, our MFP bits (RSN), and the same element goes into message 2 of the 4-way handshake.</summary>
    public static byte[] ForAssociation(RsnConfiguration config, NegotiatedSuite suite)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(suite);
        if (suite.Protocol == RsnProtocol.Wpa)
        {
            return WriteWpa(CipherKeyLengths.ToWpa(suite.GroupCipher), [(uint)CipherKeyLengths.ToWpa(suite.PairwiseCipher)],
                [(uint)CipherKeyLengths.ToWpa(suite.Akm)]);
        }
        return Write(suite.GroupCipher, [(uint)suite.PairwiseCipher], [(uint)suite.Akm], config.Capabilities,
            suite.ManagementFrameProtection ? suite.GroupManagementCipher : null);
    }

    private static uint[] Ordered(IReadOnlyList<CipherSuite> ciphers)
        => RsnNegotiation.PairwisePreference.Where(ciphers.Contains).Concat(ciphers.Where(c => !RsnNegotiation.PairwisePreference.Contains(c)))
            .Select(c => (uint)c).ToArray();

    private static byte[] Write(CipherSuite group, uint[] pairwise, uint[] akms, RsnCapabilities caps, CipherSuite? groupManagement)
    {
        bool writeManagement = groupManagement is { } m && m != CipherSuite.BipCmac128;
        var element = new RsnElement
        {
            LastField = writeManagement ? RsnField.GroupManagementCipher : RsnField.Capabilities,
            GroupDataCipher = group,
            PairwiseCiphers = new SuiteList(pairwise),
            Akms = new SuiteList(akms),
            Capabilities = caps,
            PmkIds = default,
            GroupManagementCipher = groupManagement ?? default,
        };
        var bytes = new byte[InformationElement.HeaderLength + element.BodyLength];
        element.TryWrite(bytes, out _);
        return bytes;
    }

    private static byte[] WriteWpa(CipherSuite group, uint[] pairwise, uint[] akms)
    {
        var element = new WpaElement
        {
            LastField = RsnField.Akms,
            GroupCipher = group,
            PairwiseCiphers = new SuiteList(pairwise),
            Akms = new SuiteList(akms),
        };
        Span<byte> buffer = stackalloc byte[InformationElement.HeaderLength + InformationElement.MaxLength];
        element.TryWrite(buffer, out int written);
        return buffer[..written].ToArray();
    }
}

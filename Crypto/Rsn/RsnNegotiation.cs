using Net80211.Security;
using System.Diagnostics.CodeAnalysis;
using Net80211.Frames;

namespace Net80211.Crypto.Rsn;

/// <summary>Matching our <see cref="RsnConfiguration"/> against a peer's RSN (IEEE 802.11-2020 9.4.2.24) or WPA
/// element: the station's choice from an AP's beacon/probe response (<see cref="TrySelect(RsnConfiguration, ReadOnlySpan{byte}, out NegotiatedSuite?, out RsnRefusal)"/>)
/// and the AP's check of a (Re)Association Request (<see cref="TryAccept"/>). Elements are passed whole (ID, Length, body).</summary>
public static class RsnNegotiation
{
    /// <summary>Pairwise ciphers best first.</summary>
    public static IReadOnlyList<CipherSuite> PairwisePreference { get; } =
        [CipherSuite.Gcmp256, CipherSuite.Ccmp256, CipherSuite.Gcmp128, CipherSuite.Ccmp128, CipherSuite.Tkip];

    /// <summary>AKMs best first (SHA-256 variants over SHA-1 ones).</summary>
    public static IReadOnlyList<AkmSuite> AkmPreference { get; } =
        [AkmSuite.PskSha256, AkmSuite.Psk, AkmSuite.Ieee8021XSha256, AkmSuite.Ieee8021X];

    /// <summary>Station side: the suite to use with an AP advertising <paramref name="peerElement"/> (RSN or WPA element).</summary>
    public static bool TrySelect(RsnConfiguration ours, ReadOnlySpan<byte> peerElement, [NotNullWhen(true)] out NegotiatedSuite? suite, out RsnRefusal refusal)
        => TryNegotiate(ours, peerElement, asAccessPoint: false, out suite, out refusal);

    /// <summary>Station side with both elements of a beacon: RSN when present, else WPA1 when allowed.</summary>
    public static bool TrySelect(RsnConfiguration ours, ReadOnlySpan<byte> peerRsnElement, ReadOnlySpan<byte> peerWpaElement,
        [NotNullWhen(true)] out NegotiatedSuite? suite, out RsnRefusal refusal)
    {
        ArgumentNullException.ThrowIfNull(ours);
        if (!peerRsnElement.IsEmpty && TrySelect(ours, peerRsnElement, out suite, out refusal)) return true;
        if (!peerWpaElement.IsEmpty && ours.AllowWpa1) return TrySelect(ours, peerWpaElement, out suite, out refusal);
        suite = null;
        if (peerRsnElement.IsEmpty) refusal = RsnRefusal.InvalidElement(peerWpaElement.IsEmpty ? "no RSN element" : "WPA1 not allowed");
        else TrySelect(ours, peerRsnElement, out _, out refusal);
        return false;
    }

    /// <summary>AP side: checks a station's element from its (Re)Association Request against our policy. On
    /// refusal, <paramref name="refusal"/>.Status goes in the response (e.g. 31 for an MFP policy violation).</summary>
    public static bool TryAccept(RsnConfiguration ours, ReadOnlySpan<byte> staElement, [NotNullWhen(true)] out NegotiatedSuite? suite, out RsnRefusal refusal)
        => TryNegotiate(ours, staElement, asAccessPoint: true, out suite, out refusal);

    private static bool TryNegotiate(RsnConfiguration ours, ReadOnlySpan<byte> element, bool asAccessPoint,
        [NotNullWhen(true)] out NegotiatedSuite? suite, out RsnRefusal refusal)
    {
        ArgumentNullException.ThrowIfNull(ours);
        suite = null;
        if (!TryReadOffer(element, out Offer? offer, out refusal)) return false;
        if (offer.Protocol == RsnProtocol.Wpa && !ours.AllowWpa1)
        {
            refusal = RsnRefusal.InvalidElement("WPA1 not allowed");
            return false;
        }

        // Group cipher: an AP insists on its own; a station takes what it supports.
        bool groupOk = asAccessPoint ? offer.Group == ours.GroupCipher : ours.AcceptsGroupCipher(offer.Group);
        if (!groupOk)
        {
            refusal = RsnRefusal.GroupCipher($"group cipher {Describe(offer.Group)} not allowed");
            return false;
        }

        CipherSuite pairwise = default;
        foreach (CipherSuite candidate in PairwisePreference)
        {
            if (ours.PairwiseCiphers.Contains(candidate) && offer.Pairwise.Contains(candidate))
            {
                pairwise = candidate;
                break;
            }
        }
        if (pairwise == default)
        {
            refusal = RsnRefusal.PairwiseCipher("no common pairwise cipher");
            return false;
        }

        AkmSuite akm = default;
        foreach (AkmSuite candidate in AkmPreference)
        {
            if (ours.Akms.Contains(candidate) && offer.Akms.Contains(candidate))
            {
                akm = candidate;
                break;
            }
        }
        if (akm == default)
        {
            refusal = RsnRefusal.Akm("no common AKM");
            return false;
        }

        if (!TryChooseMfp(ours, offer, pairwise, out bool mfp, out refusal)) return false;

        suite = new NegotiatedSuite
        {
            Protocol = offer.Protocol,
            PairwiseCipher = pairwise,
            GroupCipher = asAccessPoint ? ours.GroupCipher : offer.Group,
            Akm = akm,
            ManagementFrameProtection = mfp,
            GroupManagementCipher = ours.GroupManagementCipher,
        };
        refusal = default;
        return true;
    }

    /// <summary>12.6.3: MFP is used when both set MFPC. MFPR on one side and no MFPC on the other refuses the
    /// association (status 31); MFPR without MFPC is an invalid element; MFP cannot run with a TKIP pairwise
    /// cipher or a management cipher we do not have.</summary>
    private static bool TryChooseMfp(RsnConfiguration ours, Offer offer, CipherSuite pairwise, out bool mfp, out RsnRefusal refusal)
    {
        mfp = false;
        refusal = default;
        bool peerCapable = (offer.Capabilities & RsnCapabilities.Mfpc) != 0;
        bool peerRequired = (offer.Capabilities & RsnCapabilities.Mfpr) != 0;
        bool weCapable = ours.Mfp != MfpMode.Disabled;
        bool weRequire = ours.Mfp == MfpMode.Required;
        if (peerRequired && !peerCapable)
        {
            refusal = RsnRefusal.Capabilities("MFPR set without MFPC");
            return false;
        }
        if (weRequire && !peerCapable)
        {
            refusal = RsnRefusal.MfpPolicy(offer.Protocol == RsnProtocol.Wpa
                ? "management frame protection required: WPA1 cannot provide it"
                : "management frame protection required but the peer is not MFP capable");
            return false;
        }
        if (peerRequired && !weCapable)
        {
            refusal = RsnRefusal.MfpPolicy("the peer requires management frame protection, which is disabled here");
            return false;
        }
        if (!(weCapable && peerCapable)) return true;

        bool anyRequires = weRequire || peerRequired;
        if (pairwise == CipherSuite.Tkip)
        {
            if (!anyRequires) return true;
            refusal = RsnRefusal.MfpPolicy("management frame protection cannot be used with TKIP");
            return false;
        }
        if (offer.GroupManagement != ours.GroupManagementCipher)
        {
            if (!anyRequires) return true;
            refusal = RsnRefusal.CipherPolicy($"group management cipher {Describe(offer.GroupManagement)} not allowed");
            return false;
        }
        mfp = true;
        return true;
    }

    private sealed record Offer(RsnProtocol Protocol, CipherSuite Group, CipherSuite[] Pairwise, AkmSuite[] Akms,
        RsnCapabilities Capabilities, CipherSuite GroupManagement);

    private static bool TryReadOffer(ReadOnlySpan<byte> element, [NotNullWhen(true)] out Offer? offer, out RsnRefusal refusal)
    {
        offer = null;
        refusal = default;
        if (element.Length < 2 || element[1] != element.Length - 2)
        {
            refusal = RsnRefusal.InvalidElement("element length does not match");
            return false;
        }
        ReadOnlySpan<byte> body = element[2..];
        if (element[0] == (byte)ElementId.Rsn)
        {
            if (!RsnElement.TryRead(body, out RsnElement rsn, out FrameParseError error))
            {
                refusal = error == FrameParseError.BadVersion ? RsnRefusal.UnsupportedVersion : RsnRefusal.InvalidElement($"malformed RSN element ({error})");
                return false;
            }
            offer = new Offer(RsnProtocol.Rsn, rsn.EffectiveGroupDataCipher,
                rsn.Has(RsnField.PairwiseCiphers) ? Ciphers(rsn.PairwiseCiphers) : [CipherSuite.Ccmp128],
                rsn.Has(RsnField.Akms) ? Akms(rsn.Akms) : [AkmSuite.Ieee8021X],
                rsn.Has(RsnField.Capabilities) ? rsn.Capabilities : RsnCapabilities.None,
                rsn.EffectiveGroupManagementCipher);
            return true;
        }
        if (element[0] == (byte)ElementId.VendorSpecific && WpaElement.IsWpa(body))
        {
            if (!WpaElement.TryRead(body, out WpaElement wpa, out FrameParseError error))
            {
                refusal = error == FrameParseError.BadVersion ? RsnRefusal.UnsupportedVersion : RsnRefusal.InvalidElement($"malformed WPA element ({error})");
                return false;
            }
            // WPA 1.0 defaults: TKIP group and pairwise, 802.1X AKM.
            offer = new Offer(RsnProtocol.Wpa,
                wpa.Has(RsnField.GroupDataCipher) ? CipherKeyLengths.Normalize(wpa.GroupCipher) : CipherSuite.Tkip,
                wpa.Has(RsnField.PairwiseCiphers) ? Ciphers(wpa.PairwiseCiphers) : [CipherSuite.Tkip],
                wpa.Has(RsnField.Akms) ? Akms(wpa.Akms) : [AkmSuite.Ieee8021X],
                RsnCapabilities.None, default);
            return true;
        }
        refusal = RsnRefusal.InvalidElement("neither an RSN nor a WPA element");
        return false;
    }

    private static CipherSuite[] Ciphers(SuiteList list)
    {
        var result = new CipherSuite[list.Count];
        for (int i = 0; i < result.Length; i++) result[i] = CipherKeyLengths.Normalize((CipherSuite)list[i]);
        return result;
    }

    private static AkmSuite[] Akms(SuiteList list)
    {
        var result = new AkmSuite[list.Count];
        for (int i = 0; i < result.Length; i++) result[i] = CipherKeyLengths.Normalize((AkmSuite)list[i]);
        return result;
    }

    private static string Describe(CipherSuite cipher) => $"{(uint)cipher >> 8:X6}:{(uint)cipher & 0xFF}";
}

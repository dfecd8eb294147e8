using System.Buffers.Binary;

namespace Net80211.Frames;

/// <summary>RSN element (IEEE 802.11-2020 9.4.2.24).</summary>
/// <remarks>
/// <code>
///  octets: 1   1    2       4          2        4*m       2      4*n     2      2       16*s     4
///        +--+-----+----+----------+--------+---------+-------+-------+------+-------+-------+-----------+
///        |ID| Len |Ver |Group Data|Pairwise|Pairwise |AKM    |AKM    |RSN   |PMKID  |PMKID  |Group Mgmt |
///        |  |     |    |Cipher    |Count   |List     |Count  |List   |Caps  |Count  |List   |Cipher     |
///        +--+-----+----+----------+--------+---------+-------+-------+------+-------+-------+-----------+
/// </code>
/// Counts and Version are little-endian; selectors are OUI octets then type. Everything after
/// Version may be cut off at any field boundary (see <see cref="RsnField"/>); a cut inside a field, or
/// a count that runs past the end, is <see cref="FrameParseError.IeTooShort"/>. When a field is
/// absent its default applies (9.4.2.24.1): CCMP-128 group and pairwise ciphers, 802.1X AKM,
/// BIP-CMAC-128 management cipher.
/// </remarks>
public readonly ref struct RsnElement
{
    public const ushort SupportedVersion = 1;
    public const int MinBodyLength = 2;

    private const int VersionLength = 2;
    private const int SelectorLength = SuiteList.SelectorLength;
    private const int CountLength = 2;
    private const int CapabilitiesLength = 2;

    /// <summary>The last field present; fields after it are absent and take their defaults.</summary>
    public RsnField LastField { get; init; }
    public CipherSuite GroupDataCipher { get; init; }
    public SuiteList PairwiseCiphers { get; init; }
    public SuiteList Akms { get; init; }
    public RsnCapabilities Capabilities { get; init; }
    public PmkIdList PmkIds { get; init; }
    public CipherSuite GroupManagementCipher { get; init; }

    public bool Has(RsnField field) => LastField >= field;

    public CipherSuite EffectiveGroupDataCipher => Has(RsnField.GroupDataCipher) ? GroupDataCipher : CipherSuite.Ccmp128;

    public CipherSuite EffectiveGroupManagementCipher
        => Has(RsnField.GroupManagementCipher) ? GroupManagementCipher : CipherSuite.BipCmac128;

    /// <summary>Pairwise ciphers offered; CCMP-128 when the list is absent.</summary>
    public bool OffersPairwiseCipher(CipherSuite cipher)
        => Has(RsnField.PairwiseCiphers) ? PairwiseCiphers.Contains(cipher) : cipher == CipherSuite.Ccmp128;

    /// <summary>AKMs offered; 802.1X when the list is absent.</summary>
    public bool OffersAkm(AkmSuite akm) => Has(RsnField.Akms) ? Akms.Contains(akm) : akm == AkmSuite.Ieee8021X;

    public bool ManagementFrameProtectionRequired => Has(RsnField.Capabilities) && (Capabilities & RsnCapabilities.Mfpr) != 0;
    public bool ManagementFrameProtectionCapable => Has(RsnField.Capabilities) && (Capabilities & RsnCapabilities.Mfpc) != 0;

    public static bool TryRead(ReadOnlySpan<byte> body, out RsnElement rsn, out FrameParseError error)
    {
        rsn = default;
        if (body.Length < MinBodyLength)
        {
            error = FrameParseError.IeTooShort;
            return false;
        }
        if (BinaryPrimitives.ReadUInt16LittleEndian(body) != SupportedVersion)
        {
            error = FrameParseError.BadVersion;
            return false;
        }
        ReadOnlySpan<byte> rest = body[VersionLength..];
        if (!TryReadCipherAndAkmSuites(ref rest, out RsnField last, out CipherSuite group, out SuiteList pairwise, out SuiteList akms, out error))
        {
            return false;
        }

        RsnCapabilities caps = default;
        PmkIdList pmkIds = default;
        CipherSuite groupMgmt = default;
        if (!rest.IsEmpty)
        {
            if (rest.Length < CapabilitiesLength) return TooShort(out error);
            caps = (RsnCapabilities)BinaryPrimitives.ReadUInt16LittleEndian(rest);
            rest = rest[CapabilitiesLength..];
            last = RsnField.Capabilities;
        }
        if (!rest.IsEmpty)
        {
            if (rest.Length < CountLength) return TooShort(out error);
            int count = BinaryPrimitives.ReadUInt16LittleEndian(rest);
            if ((long)count * PmkIdList.PmkIdLength > rest.Length - CountLength) return TooShort(out error);
            int end = CountLength + count * PmkIdList.PmkIdLength;
            pmkIds = new PmkIdList(rest[CountLength..end]);
            rest = rest[end..];
            last = RsnField.PmkIds;
        }
        if (!rest.IsEmpty)
        {
            if (rest.Length < SelectorLength) return TooShort(out error);
            groupMgmt = (CipherSuite)BinaryPrimitives.ReadUInt32BigEndian(rest);
            rest = rest[SelectorLength..];
            last = RsnField.GroupManagementCipher;
        }
        if (!rest.IsEmpty)
        {
            // 802.11-2020 defines nothing after the Group Management Cipher Suite.
            error = FrameParseError.BadLength;
            return false;
        }

        rsn = new RsnElement
        {
            LastField = last,
            GroupDataCipher = group,
            PairwiseCiphers = pairwise,
            Akms = akms,
            Capabilities = caps,
            PmkIds = pmkIds,
            GroupManagementCipher = groupMgmt,
        };
        error = FrameParseError.None;
        return true;
    }

    /// <summary>Body octets needed to carry the fields up to <see cref="LastField"/>.</summary>
    public int BodyLength
    {
        get
        {
            int length = VersionLength + CipherAndAkmSuitesLength(LastField, PairwiseCiphers, Akms);
            if (Has(RsnField.Capabilities)) length += CapabilitiesLength;
            if (Has(RsnField.PmkIds)) length += CountLength + PmkIds.Bytes.Length;
            if (Has(RsnField.GroupManagementCipher)) length += SelectorLength;
            return length;
        }
    }

    /// <exception cref="ArgumentException">The fields need more than 255 octets.</exception>
    public bool TryWrite(Span<byte> destination, out int bytesWritten)
    {
        bytesWritten = 0;
        int bodyLength = BodyLength;
        if (!ElementWriter.TryBegin(destination, ElementId.Rsn, bodyLength, out Span<byte> body)) return false;
        BinaryPrimitives.WriteUInt16LittleEndian(body, SupportedVersion);
        int offset = VersionLength + WriteCipherAndAkmSuites(body[VersionLength..], LastField, GroupDataCipher, PairwiseCiphers, Akms);
        if (Has(RsnField.Capabilities))
        {
            BinaryPrimitives.WriteUInt16LittleEndian(body[offset..], (ushort)Capabilities);
            offset += CapabilitiesLength;
        }
        if (Has(RsnField.PmkIds))
        {
            BinaryPrimitives.WriteUInt16LittleEndian(body[offset..], (ushort)PmkIds.Count);
            PmkIds.Bytes.CopyTo(body[(offset + CountLength)..]);
            offset += CountLength + PmkIds.Bytes.Length;
        }
        if (Has(RsnField.GroupManagementCipher))
        {
            BinaryPrimitives.WriteUInt32BigEndian(body[offset..], (uint)GroupManagementCipher);
        }
        bytesWritten = InformationElement.HeaderLength + bodyLength;
        return true;
    }

    /// <summary>The Group Cipher / Pairwise list / AKM list run shared with the WPA element.
    /// Advances <paramref name="rest"/> past what it consumed.</summary>
    internal static bool TryReadCipherAndAkmSuites(scoped ref ReadOnlySpan<byte> rest, out RsnField last, out CipherSuite group,
        out SuiteList pairwise, out SuiteList akms, out FrameParseError error)
    {
        last = RsnField.Version;
        group = default;
        pairwise = default;
        akms = default;
        error = FrameParseError.None;
        if (rest.IsEmpty) return true;

        if (rest.Length < SelectorLength) return TooShort(out error);
        group = (CipherSuite)BinaryPrimitives.ReadUInt32BigEndian(rest);
        rest = rest[SelectorLength..];
        last = RsnField.GroupDataCipher;
        if (rest.IsEmpty) return true;

        if (!SuiteList.TryReadCounted(rest, out pairwise, out int consumed)) return TooShort(out error);
        rest = rest[consumed..];
        last = RsnField.PairwiseCiphers;
        if (rest.IsEmpty) return true;

        if (!SuiteList.TryReadCounted(rest, out akms, out consumed)) return TooShort(out error);
        rest = rest[consumed..];
        last = RsnField.Akms;
        return true;
    }

    internal static int WriteCipherAndAkmSuites(Span<byte> destination, RsnField last, CipherSuite group, SuiteList pairwise, SuiteList akms)
    {
        int offset = 0;
        if (last >= RsnField.GroupDataCipher)
        {
            BinaryPrimitives.WriteUInt32BigEndian(destination, (uint)group);
            offset += SelectorLength;
        }
        if (last >= RsnField.PairwiseCiphers) offset += pairwise.WriteCounted(destination[offset..]);
        if (last >= RsnField.Akms) offset += akms.WriteCounted(destination[offset..]);
        return offset;
    }

    internal static int CipherAndAkmSuitesLength(RsnField last, SuiteList pairwise, SuiteList akms)
        => (last >= RsnField.GroupDataCipher ? SelectorLength : 0)
            + (last >= RsnField.PairwiseCiphers ? CountLength + pairwise.EncodedLength : 0)
            + (last >= RsnField.Akms ? CountLength + akms.EncodedLength : 0);

    private static bool TooShort(out FrameParseError error)
    {
        error = FrameParseError.IeTooShort;
        return false;
    }
}

using Net80211.Frames;

namespace Net80211.Crypto.Ccmp;

/// <summary>
/// The additional authentication data and the nonce that CCMP (IEEE 802.11-2020 12.5.3.3.3, 12.5.3.3.4) and
/// GCMP (12.5.5.3.3, 12.5.5.3.4) build from the MAC header.
/// </summary>
/// <remarks>
/// <code>
///  AAD:  FC | A1 | A2 | A3 | SC | A4 | QC        22, 24, 28 or 30 octets
///         2    6    6    6    2    6    2        (A4 only with ToDS and FromDS, QC only in QoS Data)
///
///  FC: subtype b4 b5 b6 masked to 0 in Data frames; Retry, PwrMgt, MoreData masked to 0; Order masked
///      to 0 in QoS Data; Protected set to 1.
///  SC: Sequence Number masked to 0, Fragment Number kept.
///  QC: TID kept, A-MSDU Present (b7) kept only between SPP A-MSDU capable STAs; the rest 0.
///  Duration and HT Control are not covered (they may change on retransmission).
///
///  CCM nonce (13):  Flags | A2 | PN5 PN4 PN3 PN2 PN1 PN0      Flags: b0-3 priority (TID), b4 management
///  GCM nonce (12):  A2 | PN5 .. PN0
/// </code>
/// </remarks>
public static class CcmpAad
{
    public const int MaxLength = 30;
    public const int CcmNonceLength = 13;
    public const int GcmNonceLength = 12;
    /// <summary>Shortest header the AAD is built from: FC, Duration, A1–A3, Sequence Control.</summary>
    public const int MinHeaderLength = FrameHeader.ThreeAddressLength;

    private const int FrameControlOffset = 0;
    private const int Address1Offset = 4;
    private const int Address2Offset = 10;
    private const int SequenceControlOffset = 22;
    private const int Address4Offset = 24;
    private const int AddressesLength = 18;
    private const int AadSequenceControlOffset = 20;
    private const int AadAddress4Offset = 22;

    private const byte DataSubtypeMask = 0x70;
    private const byte FragmentNumberMask = 0x0F;
    private const byte QosTidMask = 0x0F;
    private const byte QosAmsduPresent = 0x80;
    private const byte NonceManagementFlag = 0x10;

    /// <summary>True when the first <paramref name="headerLength"/> octets of <paramref name="frame"/> are a
    /// management or data header holding every field its Frame Control implies (AAD and nonce can be built).</summary>
    public static bool IsValidHeader(ReadOnlySpan<byte> frame, int headerLength)
    {
        if (headerLength < MinHeaderLength || headerLength > frame.Length) return false;
        var fc = new FrameControl((ushort)(frame[FrameControlOffset] | (frame[FrameControlOffset + 1] << 8)));
        if (fc.ProtocolVersion != 0 || fc.Type is not (FrameType.Management or FrameType.Data)) return false;
        return FrameHeader.GetHeaderLength(fc) <= headerLength;
    }

    /// <summary>Builds the AAD of a header that passed <see cref="IsValidHeader"/> into <paramref name="aad"/>
    /// (at least <see cref="MaxLength"/> octets); returns its length.</summary>
    /// <param name="sppAmsdu">Both STAs are SPP A-MSDU capable: keep the A-MSDU Present bit.</param>
    /// <param name="setProtected">Set the Protected bit as the standard says (false only to reproduce test
    /// vectors computed over the FC as given).</param>
    public static int Build(ReadOnlySpan<byte> header, Span<byte> aad, bool sppAmsdu = false, bool setProtected = true)
    {
        var fc = new FrameControl((ushort)(header[FrameControlOffset] | (header[FrameControlOffset + 1] << 8)));
        byte fc0 = header[FrameControlOffset];
        byte fc1 = header[FrameControlOffset + 1];
        if (fc.IsData) fc0 &= unchecked((byte)~DataSubtypeMask);
        fc1 &= unchecked((byte)~(FrameControlFlags.Retry | FrameControlFlags.PowerManagement | FrameControlFlags.MoreData));
        if (setProtected) fc1 |= (byte)FrameControlFlags.Protected;
        if (fc.IsQosData) fc1 &= unchecked((byte)~FrameControlFlags.Order);

        aad[0] = fc0;
        aad[1] = fc1;
        header.Slice(Address1Offset, AddressesLength).CopyTo(aad[(FrameControl.Length)..]);
        aad[AadSequenceControlOffset] = (byte)(header[SequenceControlOffset] & FragmentNumberMask);
        aad[AadSequenceControlOffset + 1] = 0;
        int length = AadAddress4Offset;
        int qosOffset = FrameHeader.ThreeAddressLength;
        if (fc.HasAddress4)
        {
            header.Slice(Address4Offset, MacAddress.Length).CopyTo(aad[length..]);
            length += MacAddress.Length;
            qosOffset = FrameHeader.FourAddressLength;
        }
        if (fc.IsQosData)
        {
            aad[length] = (byte)(header[qosOffset] & (sppAmsdu ? QosTidMask | QosAmsduPresent : QosTidMask));
            aad[length + 1] = 0;
            length += QosControl.Length;
        }
        return length;
    }

    /// <summary>The 13-octet CCM nonce (12.5.3.3.4).</summary>
    public static void BuildCcmNonce(ReadOnlySpan<byte> header, ulong packetNumber, Span<byte> nonce)
    {
        var fc = new FrameControl((ushort)(header[FrameControlOffset] | (header[FrameControlOffset + 1] << 8)));
        byte flags = 0;
        if (fc.IsQosData)
            flags = (byte)(header[fc.HasAddress4 ? FrameHeader.FourAddressLength : FrameHeader.ThreeAddressLength] & QosTidMask);
        else if (fc.IsManagement)
            flags = NonceManagementFlag;
        nonce[0] = flags;
        WriteAddressAndPn(header, packetNumber, nonce[1..CcmNonceLength]);
    }

    /// <summary>The 12-octet GCM nonce (12.5.5.3.4).</summary>
    public static void BuildGcmNonce(ReadOnlySpan<byte> header, ulong packetNumber, Span<byte> nonce)
        => WriteAddressAndPn(header, packetNumber, nonce[..GcmNonceLength]);

    /// <summary>A2 then PN5..PN0 (most significant first).</summary>
    private static void WriteAddressAndPn(ReadOnlySpan<byte> header, ulong packetNumber, Span<byte> destination)
    {
        header.Slice(Address2Offset, MacAddress.Length).CopyTo(destination);
        for (int i = 0; i < 6; i++)
            destination[MacAddress.Length + i] = (byte)(packetNumber >> (8 * (5 - i)));
    }
}

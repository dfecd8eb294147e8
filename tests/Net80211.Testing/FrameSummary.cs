using System.Buffers.Binary;
using System.Globalization;
using Net80211.Frames;

namespace Net80211.Testing;

/// <summary>The transcript wording of a management frame's interesting fields, shared by the scenario worlds
/// so two drivers' transcripts read alike.</summary>
public static class FrameSummary
{
    /// <summary>" seq=1 status=0" (auth), " status=0 aid=1" ((re)assoc response), " reason=3" (deauth/disassoc),
    /// " ssid=\"x\"" (probes), else "".</summary>
    public static string ManagementDetail(ManagementSubtype subtype, ReadOnlySpan<byte> body) => subtype switch
    {
        ManagementSubtype.Authentication when body.Length >= 6 =>
            Inv($" seq={BinaryPrimitives.ReadUInt16LittleEndian(body[2..])} status={BinaryPrimitives.ReadUInt16LittleEndian(body[4..])}"),
        ManagementSubtype.AssociationResponse or ManagementSubtype.ReassociationResponse when body.Length >= 6 =>
            Inv($" status={BinaryPrimitives.ReadUInt16LittleEndian(body[2..])} aid={BinaryPrimitives.ReadUInt16LittleEndian(body[4..]) & 0x3fff}"),
        ManagementSubtype.Deauthentication or ManagementSubtype.Disassociation when body.Length >= 2 =>
            Inv($" reason={BinaryPrimitives.ReadUInt16LittleEndian(body)}"),
        ManagementSubtype.ProbeRequest => SsidOf(body),
        ManagementSubtype.ProbeResponse when body.Length >= 12 => SsidOf(body[12..]),
        _ => "",
    };

    private static string SsidOf(ReadOnlySpan<byte> elements)
        => elements.Length >= 2 && elements[0] == 0 && elements.Length >= 2 + elements[1]
            ? $" ssid=\"{Ssid.Format(elements.Slice(2, elements[1]))}\""
            : "";

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}

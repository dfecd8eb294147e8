namespace Net80211.Frames;

/// <summary>Vendor Specific element (IEEE 802.11-2020 9.4.2.25).</summary>
/// <remarks>
/// <code>
///  octets:    1        1       3 (or 5)        variable
///        +---------+------+---------------+-------------------+
///        |Element  |Length| Organization  | Vendor-specific   |
///        |ID (221) |      | Identifier    | content           |
///        +---------+------+---------------+-------------------+
/// </code>
/// The first three octets are always an OUI (or the OUI part of a longer identifier), which is
/// all that is needed to tell WPA, WMM and WPS apart; their type octet is the first octet of
/// <see cref="Content"/>.
/// </remarks>
public readonly ref struct VendorSpecificElement
{
    public const int OuiLength = 3;

    /// <exception cref="ArgumentException">The OUI does not fit 24 bits or the content exceeds 252 octets.</exception>
    public VendorSpecificElement(uint oui, ReadOnlySpan<byte> content)
    {
        if (oui > 0xFFFFFF) throw new ArgumentException("An OUI is 24 bits.", nameof(oui));
        if (content.Length > InformationElement.MaxLength - OuiLength) throw new ArgumentException("Vendor content exceeds 252 octets.", nameof(content));
        Oui = oui;
        Content = content;
    }

    /// <summary>The OUI as a 24-bit number, first octet most significant.</summary>
    public uint Oui { get; }

    /// <summary>Everything after the OUI.</summary>
    public ReadOnlySpan<byte> Content { get; }

    /// <summary>The octet after the OUI, which most vendors use as a type; -1 when there is none.</summary>
    public int VendorType => Content.IsEmpty ? -1 : Content[0];

    public static bool TryRead(ReadOnlySpan<byte> body, out VendorSpecificElement element, out FrameParseError error)
    {
        element = default;
        if (!ElementLength.Check(body, OuiLength, InformationElement.MaxLength, out error)) return false;
        element = new VendorSpecificElement(ReadOui(body), body[OuiLength..]);
        return true;
    }

    public bool TryWrite(Span<byte> destination, out int bytesWritten)
    {
        bytesWritten = 0;
        int bodyLength = OuiLength + Content.Length;
        if (!ElementWriter.TryBegin(destination, ElementId.VendorSpecific, bodyLength, out Span<byte> body)) return false;
        WriteOui(body, Oui);
        Content.CopyTo(body[OuiLength..]);
        bytesWritten = InformationElement.HeaderLength + bodyLength;
        return true;
    }

    /// <summary>True when <paramref name="body"/> starts with <paramref name="oui"/> followed by <paramref name="type"/>.</summary>
    public static bool Matches(ReadOnlySpan<byte> body, uint oui, byte type)
        => body.Length > OuiLength && ReadOui(body) == oui && body[OuiLength] == type;

    internal static uint ReadOui(ReadOnlySpan<byte> source) => (uint)(source[0] << 16 | source[1] << 8 | source[2]);

    internal static void WriteOui(Span<byte> destination, uint oui)
    {
        destination[0] = (byte)(oui >> 16);
        destination[1] = (byte)(oui >> 8);
        destination[2] = (byte)oui;
    }
}

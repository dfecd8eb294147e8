namespace Net80211.Frames;

/// <summary>Extended Capabilities element (IEEE 802.11-2020 9.4.2.26).</summary>
/// <remarks>
/// <code>
///  octets:   1      1         n (1..255)
///        +-------+------+--------------------------+
///        |ID 127 |Length| Extended Capabilities    |
///        |       |      | bit i = octet i/8, bit i%8|
///        +-------+------+--------------------------+
/// </code>
/// The field is a growing bitfield: senders stop after their last nonzero octet and receivers treat
/// missing octets as zeros, so any length of at least one octet is valid.
/// </remarks>
public readonly ref struct ExtendedCapabilitiesElement
{
    public ExtendedCapabilitiesElement(ReadOnlySpan<byte> capabilities)
    {
        if (capabilities.IsEmpty || capabilities.Length > InformationElement.MaxLength)
        {
            throw new ArgumentException("Extended Capabilities is 1..255 octets.", nameof(capabilities));
        }
        Capabilities = capabilities;
    }

    public ReadOnlySpan<byte> Capabilities { get; }

    public bool IsSet(ExtendedCapability capability) => IsSet((int)capability);

    public bool IsSet(int bit)
    {
        int index = bit >> 3;
        return bit >= 0 && index < Capabilities.Length && (Capabilities[index] & (1 << (bit & 7))) != 0;
    }

    public static bool TryRead(ReadOnlySpan<byte> body, out ExtendedCapabilitiesElement element, out FrameParseError error)
    {
        element = default;
        if (!ElementLength.Check(body, 1, InformationElement.MaxLength, out error)) return false;
        element = new ExtendedCapabilitiesElement(body);
        return true;
    }

    public bool TryWrite(Span<byte> destination, out int bytesWritten)
        => InformationElement.TryWrite(destination, ElementId.ExtendedCapabilities, Capabilities, out bytesWritten);

    /// <summary>Writes the shortest field that has every bit in <paramref name="capabilities"/> set.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A bit number is negative or beyond 255 octets.</exception>
    public static bool TryWrite(Span<byte> destination, ReadOnlySpan<ExtendedCapability> capabilities, out int bytesWritten)
    {
        Span<byte> field = stackalloc byte[InformationElement.MaxLength];
        field.Clear();
        int length = 1;
        foreach (ExtendedCapability capability in capabilities)
        {
            int bit = (int)capability;
            if (bit < 0 || bit >= InformationElement.MaxLength * 8) throw new ArgumentOutOfRangeException(nameof(capabilities), capability, null);
            field[bit >> 3] |= (byte)(1 << (bit & 7));
            length = Math.Max(length, (bit >> 3) + 1);
        }
        return InformationElement.TryWrite(destination, ElementId.ExtendedCapabilities, field[..length], out bytesWritten);
    }
}

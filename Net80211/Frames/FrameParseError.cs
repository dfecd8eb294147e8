namespace Net80211.Frames;

/// <summary>Why a frame, a frame body or an element was rejected. Every reader in this namespace
/// reports exactly one of these instead of throwing, so the receive path can count and drop.</summary>
public enum FrameParseError
{
    None = 0,

    /// <summary>The buffer ends before a fixed field the layout requires.</summary>
    TooShort,

    /// <summary>Protocol Version subfield is not 0, or an element carries a version we do not speak
    /// (RSN, WPA and WMM all define version 1 only).</summary>
    BadVersion,

    /// <summary>Frame type or subtype is reserved, or is not the one the reader was asked for.</summary>
    UnknownType,

    /// <summary>An element's Length runs past the end of the element list.</summary>
    IeTruncated,

    /// <summary>An element that may appear only once appeared again.</summary>
    IeDuplicate,

    /// <summary>An element body is longer than the standard allows for that element.</summary>
    IeTooLong,

    /// <summary>An element body is shorter than the standard requires, or a count inside it runs past its end.</summary>
    IeTooShort,

    /// <summary>A length is inconsistent with the layout, e.g. bytes left over that no field accounts for,
    /// or payload on a frame subtype that carries none.</summary>
    BadLength,

    /// <summary>A field holds a value the layout forbids (e.g. a vendor element with the wrong OUI/type).</summary>
    BadValue,

    /// <summary>The layout is legal but this codec does not decode it (e.g. Multi-TID Block Ack).</summary>
    Unsupported,

    /// <summary>The frame check sequence does not match.</summary>
    BadFcs,
}

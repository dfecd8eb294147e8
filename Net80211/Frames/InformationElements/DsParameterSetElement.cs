namespace Net80211.Frames;

/// <summary>DSSS Parameter Set element (IEEE 802.11-2020 9.4.2.4).</summary>
/// <remarks>
/// <code>
///  octets:    1         1          1
///        +----------+--------+-----------------+
///        |Element ID| Length | Current Channel |
///        +----------+--------+-----------------+
/// </code>
/// The only dependable statement of the channel a 2.4 GHz beacon was sent on, since adjacent-channel
/// leakage lets frames be received on neighbouring channels.
/// </remarks>
public readonly record struct DsParameterSetElement(byte CurrentChannel)
{
    public const int BodyLength = 1;

    public static bool TryRead(ReadOnlySpan<byte> body, out DsParameterSetElement element, out FrameParseError error)
    {
        element = default;
        if (!ElementLength.Check(body, BodyLength, BodyLength, out error)) return false;
        element = new DsParameterSetElement(body[0]);
        return true;
    }

    public bool TryWrite(Span<byte> destination, out int bytesWritten)
    {
        bytesWritten = 0;
        if (!ElementWriter.TryBegin(destination, ElementId.DsParameterSet, BodyLength, out Span<byte> body)) return false;
        body[0] = CurrentChannel;
        bytesWritten = InformationElement.HeaderLength + BodyLength;
        return true;
    }
}

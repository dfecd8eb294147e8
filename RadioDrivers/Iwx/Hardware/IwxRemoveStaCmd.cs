namespace Net80211.RadioDrivers.Iwx.Hardware;

/// <summary>REMOVE_STA payload (§6): <c>u8 sta_id; u8 r[3]</c>. Status response.</summary>
public readonly record struct IwxRemoveStaCmd
{
    public const int Size = 4;

    public byte StaId { get; init; }

    public static bool TryRead(ReadOnlySpan<byte> source, out IwxRemoveStaCmd cmd)
    {
        cmd = source.Length < Size ? default : new IwxRemoveStaCmd { StaId = source[0] };
        return source.Length >= Size;
    }

    public bool TryWrite(Span<byte> destination)
    {
        if (destination.Length < Size) return false;
        destination[..Size].Clear();
        destination[0] = StaId;
        return true;
    }
}

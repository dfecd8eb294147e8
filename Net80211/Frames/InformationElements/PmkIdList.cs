namespace Net80211.Frames;

/// <summary>The PMKID List of the RSN element (IEEE 802.11-2020 9.4.2.24.5): 16-octet PMKIDs back to back.</summary>
public readonly ref struct PmkIdList
{
    public const int PmkIdLength = 16;

    /// <exception cref="ArgumentException">The length is not a multiple of 16.</exception>
    public PmkIdList(ReadOnlySpan<byte> pmkIds)
    {
        if (pmkIds.Length % PmkIdLength != 0) throw new ArgumentException("PMKIDs are 16 octets each.", nameof(pmkIds));
        Bytes = pmkIds;
    }

    /// <summary>All PMKIDs concatenated, as on the air.</summary>
    public ReadOnlySpan<byte> Bytes { get; }

    public int Count => Bytes.Length / PmkIdLength;

    public ReadOnlySpan<byte> this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Count) throw new ArgumentOutOfRangeException(nameof(index));
            return Bytes.Slice(index * PmkIdLength, PmkIdLength);
        }
    }
}

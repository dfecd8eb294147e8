namespace Net80211.Radiotap;

/// <summary>Alignment and size of each field of the radiotap namespace that has a fixed layout
/// (radiotap.org "Defined fields"; Linux's <c>rtap_namespace_sizes</c> gives the same table).</summary>
/// <remarks>A parser that does not know a field's size cannot find the fields after it, so it
/// must stop there; the header length still tells where the 802.11 frame starts.</remarks>
public static class RadiotapFieldLayout
{
    // (alignment, size) by field number; (0, 0) = unknown or not fixed-size (TLV, namespaces).
    private static ReadOnlySpan<byte> Alignments =>
    [
        8, 1, 1, 2, 1, 1, 1, 2, // 0 TSFT, Flags, Rate, Channel, FHSS, dBm signal, dBm noise, lock quality
        2, 2, 1, 1, 1, 1, 2, 2, // 8 TX attenuation, dB TX attenuation, dBm TX power, antenna, dB signal, dB noise, RX flags, TX flags
        1, 1, 4, 1, 4, 2, 8, 2, // 16 RTS retries, data retries, XChannel, MCS, A-MPDU status, VHT, timestamp, HE
        2, 2, 1, 2,             // 24 HE-MU, HE-MU other user, 0-length PSDU, L-SIG
    ];

    private static ReadOnlySpan<byte> Sizes =>
    [
        8, 1, 1, 4, 2, 1, 1, 2,
        2, 2, 1, 1, 1, 1, 2, 2,
        1, 1, 8, 3, 8, 12, 12, 12,
        12, 6, 1, 4,
    ];

    /// <summary>Alignment and size of <paramref name="field"/>; false when this table cannot size it.</summary>
    public static bool TryGet(int field, out int alignment, out int size)
    {
        if ((uint)field < (uint)Alignments.Length)
        {
            alignment = Alignments[field];
            size = Sizes[field];
            return true;
        }
        alignment = 0;
        size = 0;
        return false;
    }

    /// <summary><paramref name="offset"/> rounded up to a multiple of <paramref name="alignment"/> (a power of two).</summary>
    public static int Align(int offset, int alignment) => (offset + alignment - 1) & ~(alignment - 1);
}

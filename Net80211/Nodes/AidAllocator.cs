namespace Net80211.Nodes;

/// <summary>
/// Association IDs for a host AP (iv_aid_bitmap): 1..<see cref="MaxAid"/>, lowest free first. AID 0 is
/// reserved for the broadcast bit of the TIM (IEEE 802.11-2020 9.4.1.8).
/// </summary>
public sealed class AidAllocator
{
    /// <summary>Largest AID the standard allows (IEEE80211_AID_MAX).</summary>
    public const int MaxAid = 2007;

    private readonly ulong[] _bits = new ulong[(MaxAid + 64) / 64];
    private int _limit;

    public AidAllocator(int limit = MaxAid) => Limit = limit;

    /// <summary>Highest AID handed out (iv_max_aid); lowering it does not revoke AIDs in use.</summary>
    public int Limit
    {
        get => _limit;
        set => _limit = Math.Clamp(value, 1, MaxAid);
    }

    public int InUse { get; private set; }

    /// <summary>Returns a free AID, or 0 when all up to <see cref="Limit"/> are taken.</summary>
    public ushort Allocate()
    {
        for (int aid = 1; aid <= _limit; aid++)
        {
            if (!IsAllocated(aid))
            {
                _bits[aid >> 6] |= 1UL << (aid & 63);
                InUse++;
                return (ushort)aid;
            }
        }
        return 0;
    }

    public bool IsAllocated(int aid) => aid is >= 1 and <= MaxAid && (_bits[aid >> 6] & (1UL << (aid & 63))) != 0;

    public void Free(int aid)
    {
        if (!IsAllocated(aid)) return;
        _bits[aid >> 6] &= ~(1UL << (aid & 63));
        InUse--;
    }
}

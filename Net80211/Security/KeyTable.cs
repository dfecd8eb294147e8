using Net80211.Nodes;

namespace Net80211.Security;

/// <summary>
/// A VAP's installed keys (iv_nw_keys and friends): four group key slots (WEP keys or GTKs, by key ID),
/// two IGTK slots (key IDs 4 and 5, for BIP), the default transmit key; pairwise keys live on the node
/// (<see cref="Ieee80211Node.PairwiseKey"/>). Changes go through here so a driver with hardware crypto is
/// told (<see cref="Radio.IIeee80211Driver.KeySet"/>).
/// </summary>
public sealed class KeyTable
{
    public const int GroupSlots = 4;
    public const int IgtkFirstIndex = 4;

    private readonly ICipherKey?[] _group = new ICipherKey?[GroupSlots];
    private readonly ICipherKey?[] _igtk = new ICipherKey?[2];
    private readonly Vaps.Ieee80211Vap _vap;

    internal KeyTable(Vaps.Ieee80211Vap vap) => _vap = vap;

    /// <summary>Index of the group key used to transmit (iv_def_txkey).</summary>
    public int DefaultTransmitKey { get; set; }

    public ICipherKey? Group(int keyIndex) => (uint)keyIndex < GroupSlots ? _group[keyIndex] : null;
    public ICipherKey? Igtk(int keyIndex) => keyIndex is 4 or 5 ? _igtk[keyIndex - IgtkFirstIndex] : null;
    public ICipherKey? GroupTransmitKey => Group(DefaultTransmitKey);
    public ICipherKey? IgtkTransmitKey => _igtk[0] ?? _igtk[1];

    public int InstalledCount
    {
        get
        {
            int n = 0;
            foreach (var k in _group) if (k is not null) n++;
            foreach (var k in _igtk) if (k is not null) n++;
            return n;
        }
    }

    public void SetGroup(ICipherKey key, bool transmit)
    {
        ArgumentNullException.ThrowIfNull(key);
        if ((uint)key.KeyIndex >= GroupSlots) throw new ArgumentOutOfRangeException(nameof(key), key.KeyIndex, "group key IDs are 0..3");
        _group[key.KeyIndex] = key;
        if (transmit) DefaultTransmitKey = key.KeyIndex;
        Offer(null, key);
    }

    public void SetIgtk(ICipherKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.KeyIndex is not (4 or 5)) throw new ArgumentOutOfRangeException(nameof(key), key.KeyIndex, "IGTK key IDs are 4 and 5");
        _igtk[key.KeyIndex - IgtkFirstIndex] = key;
        Offer(null, key);
    }

    public void SetPairwise(Ieee80211Node node, ICipherKey key)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(key);
        node.PairwiseKey = key;
        Offer(node, key);
    }

    /// <summary>iv_key_set: a driver with this cipher in hardware loads the key; the key then leaves the
    /// crypto to it. One the software cannot split that way is taken back from the driver.</summary>
    private void Offer(Ieee80211Node? node, ICipherKey key)
    {
        if (!_vap.Ic.Driver.KeySet(_vap, node, key) || key.TryOffload()) return;
        _vap.Ic.Driver.KeyDelete(_vap, node, key);
    }

    public void DeletePairwise(Ieee80211Node node)
    {
        if (node.PairwiseKey is not { } key) return;
        node.PairwiseKey = null;
        _vap.Ic.Driver.KeyDelete(_vap, node, key);
    }

    /// <summary>Removes every group key and IGTK (the VAP went down or changed its configuration).</summary>
    public void Clear()
    {
        for (int i = 0; i < _group.Length; i++)
        {
            if (_group[i] is { } k) _vap.Ic.Driver.KeyDelete(_vap, null, k);
            _group[i] = null;
        }
        for (int i = 0; i < _igtk.Length; i++)
        {
            if (_igtk[i] is { } k) _vap.Ic.Driver.KeyDelete(_vap, null, k);
            _igtk[i] = null;
        }
        DefaultTransmitKey = 0;
    }
}

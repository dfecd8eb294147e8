using Net80211.RadioDrivers.Iwx.Hardware;

namespace Net80211.RadioDrivers.Iwx.Device;

/// <summary>Hardware keys (docs/iwx-hardware.md §4, §7): a pairwise CCM key per station and a group key per
/// key id. The firmware uses them for Protected frames; it never checks replay (the stack does).</summary>
internal sealed partial class IwxFirmware
{
    public const int GroupKeyCount = 4;

    private readonly Dictionary<int, IwxCcmp> _pairwise = [];
    private readonly IwxCcmp?[] _group = new IwxCcmp?[GroupKeyCount];

    private void ResetKeys()
    {
        foreach (var k in _pairwise.Values) k.Dispose();
        _pairwise.Clear();
        for (int i = 0; i < _group.Length; i++)
        {
            _group[i]?.Dispose();
            _group[i] = null;
        }
    }

    private bool HandleAddStaKey(in IwxCommandHeader h, ReadOnlySpan<byte> payload)
    {
        if (!IwxAddStaKeyCmd.TryRead(payload, out var cmd)) return false;
        bool ok;
        if (cmd.IsInvalid || cmd.Cipher == IwxKeyFlags.CipherNone)
        {
            ok = cmd.IsMulticast ? SetGroup(cmd.KeyId, null) : RemovePairwise(cmd.StaId);
        }
        else if (cmd.Cipher != IwxKeyFlags.CipherCcm || (!cmd.IsMulticast && !_stations.ContainsKey(cmd.StaId)))
        {
            ok = false;
        }
        else
        {
            var engine = new IwxCcmp(cmd.Key.Span[..IwxCcmp.KeyLength]);
            if (cmd.IsMulticast) ok = SetGroup(cmd.KeyId, engine);
            else
            {
                RemovePairwise(cmd.StaId);
                _pairwise[cmd.StaId] = engine;
                ok = true;
            }
        }
        return RespondStatus(h, ok ? IwxAddStaKeyCmd.Success : 0);
    }

    private bool SetGroup(int keyId, IwxCcmp? engine)
    {
        _group[keyId]?.Dispose();
        _group[keyId] = engine;
        return true;
    }

    private bool RemovePairwise(int staId)
    {
        if (!_pairwise.Remove(staId, out var old)) return false;
        old.Dispose();
        return true;
    }

    private void RemoveStationKeys(int staId) => RemovePairwise(staId);

    /// <summary>The key for a frame the host wants encrypted: the receiver's pairwise key for unicast, the
    /// group key of the CCMP header's key id for group addressed frames.</summary>
    private IwxCcmp? TxKeyFor(ReadOnlySpan<byte> frame)
    {
        if (!IwxCcmp.TryParseHeader(frame, out _, out _, out int keyId)) return null;
        var receiver = MacAddress.Read(frame[4..]);
        if (receiver.IsGroup) return _group[keyId];
        int sta = StationFor(receiver);
        return sta >= 0 ? _pairwise.GetValueOrDefault(sta) : null;
    }

    /// <summary>The key for a received Protected frame: the transmitter's pairwise key for unicast to us, the
    /// group key of the key id for group addressed frames.</summary>
    private IwxCcmp? RxKeyFor(ReadOnlySpan<byte> frame, int keyId)
    {
        var receiver = MacAddress.Read(frame[4..]);
        if (receiver.IsGroup) return _group[keyId];
        int sta = StationFor(MacAddress.Read(frame[10..]));
        return sta >= 0 ? _pairwise.GetValueOrDefault(sta) : null;
    }
}

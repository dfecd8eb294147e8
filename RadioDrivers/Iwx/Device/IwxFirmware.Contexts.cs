using System.Buffers.Binary;
using Net80211.RadioDrivers.Iwx.Hardware;

namespace Net80211.RadioDrivers.Iwx.Device;

/// <summary>PHY, MAC and binding contexts and the station table (docs/iwx-hardware.md §6, §7): what the radio
/// is tuned to, which addresses it answers for, and what its receive filter lets through.</summary>
internal sealed partial class IwxFirmware
{
    public const int MaxContexts = 4;
    public const int MaxStations = 16;
    private const uint ContextIdMask = 0xff;

    private sealed class PhyContext
    {
        public byte Band;
        public byte Channel;
        public int FrequencyMhz => IwxNvmChannels.FrequencyMhz(Channel, Band == IwxPhyContextCmd.Band5);
    }

    private sealed class MacContext
    {
        public uint Id;
        public uint Type;
        public MacAddress Node;
        public MacAddress Bssid;
        public IwxMacFilterFlags Filter;
        public bool IsAssoc;
        public ushort BeaconInterval;
        public int Phy = -1;   // bound PHY context, -1 = none
    }

    private readonly SortedDictionary<uint, PhyContext> _phys = [];
    private readonly SortedDictionary<uint, MacContext> _macs = [];
    /// <summary>The MAC contexts in id order, rebuilt on every change: the per-frame paths (receive filter,
    /// ACK decision) walk this array instead of enumerating the dictionary, which allocates.</summary>
    private MacContext[] _macList = [];

    private void MacsChanged() => _macList = [.. _macs.Values];
    private readonly Dictionary<int, MacAddress> _stations = [];

    private void ResetContexts()
    {
        _phys.Clear();
        _macs.Clear();
        MacsChanged();
        _stations.Clear();
    }

    private bool HandlePhyContext(in IwxCommandHeader h, ReadOnlySpan<byte> payload)
    {
        if (!IwxPhyContextCmd.TryRead(payload, out var cmd)) return false;
        uint id = cmd.IdAndColor & ContextIdMask;
        uint status = IwxStatusResponse.Ok;
        switch (cmd.Action)
        {
            case IwxContextAction.Add or IwxContextAction.Modify:
                bool valid = cmd.Band <= IwxPhyContextCmd.Band5 && IwxNvmChannels.IndexOf(cmd.Channel) >= 0
                    && IwxNvmChannels.Is5Ghz(cmd.Channel) == (cmd.Band == IwxPhyContextCmd.Band5);
                if (!valid || (cmd.Action == IwxContextAction.Add ? _phys.ContainsKey(id) || _phys.Count >= MaxContexts : !_phys.ContainsKey(id)))
                {
                    status = IwxStatusResponse.Invalid;
                    break;
                }
                _phys[id] = new PhyContext { Band = cmd.Band, Channel = cmd.Channel };
                break;
            case IwxContextAction.Remove:
                if (!_phys.Remove(id)) status = IwxStatusResponse.Invalid;
                foreach (var mac in _macs.Values)
                    if (mac.Phy == (int)id) mac.Phy = -1;
                break;
            default:
                status = IwxStatusResponse.Invalid;
                break;
        }
        UpdateTuning();
        return RespondStatus(h, status);
    }

    private bool HandleMacContext(in IwxCommandHeader h, ReadOnlySpan<byte> payload)
    {
        if (!IwxMacContextCmd.TryRead(payload, out var cmd)) return false;
        uint id = cmd.IdAndColor & ContextIdMask;
        uint status = IwxStatusResponse.Ok;
        switch (cmd.Action)
        {
            case IwxContextAction.Add or IwxContextAction.Modify:
                bool exists = _macs.TryGetValue(id, out var mac);
                if (cmd.Action == IwxContextAction.Add ? exists || _macs.Count >= MaxContexts : !exists)
                {
                    status = IwxStatusResponse.Invalid;
                    break;
                }
                mac ??= new MacContext { Id = id };
                mac.Type = cmd.MacType;
                mac.Node = cmd.NodeAddress;
                mac.Bssid = cmd.Bssid;
                mac.Filter = cmd.FilterFlags;
                mac.IsAssoc = cmd.IsAssoc != 0;
                mac.BeaconInterval = cmd.BeaconInterval;
                _macs[id] = mac;
                MacsChanged();
                break;
            case IwxContextAction.Remove:
                if (!_macs.Remove(id)) status = IwxStatusResponse.Invalid;
                MacsChanged();
                break;
            default:
                status = IwxStatusResponse.Invalid;
                break;
        }
        UpdateBeaconWatch();
        UpdateTuning();
        return RespondStatus(h, status);
    }

    private bool HandleBinding(in IwxCommandHeader h, ReadOnlySpan<byte> payload)
    {
        if (!IwxBindingContextCmd.TryRead(payload, out var cmd)) return false;
        uint phy = cmd.Phy & ContextIdMask;
        uint status = IwxStatusResponse.Ok;
        Span<uint> macs = [cmd.Mac0, cmd.Mac1, cmd.Mac2];
        if (cmd.Action is not (IwxContextAction.Add or IwxContextAction.Modify or IwxContextAction.Remove)
            || (cmd.Action != IwxContextAction.Remove && !_phys.ContainsKey(phy)))
        {
            return RespondStatus(h, IwxStatusResponse.Invalid);
        }
        foreach (uint m in macs)
        {
            if (m == IwxBindingContextCmd.MacNone) continue;
            if (!_macs.TryGetValue(m & ContextIdMask, out var mac))
            {
                status = IwxStatusResponse.Invalid;
                continue;
            }
            mac.Phy = cmd.Action == IwxContextAction.Remove ? -1 : (int)phy;
        }
        UpdateTuning();
        return RespondStatus(h, status);
    }

    private bool HandleAddSta(in IwxCommandHeader h, ReadOnlySpan<byte> payload)
    {
        if (!IwxAddStaCmd.TryRead(payload, out var cmd)) return false;
        bool ok = cmd.StaId < MaxStations && (cmd.AddModify == IwxAddStaCmd.ActionModify ? _stations.ContainsKey(cmd.StaId) : true);
        if (ok) _stations[cmd.StaId] = cmd.Address;
        return RespondStatus(h, ok ? IwxAddStaCmd.Success : 0);
    }

    private bool HandleRemoveSta(in IwxCommandHeader h, ReadOnlySpan<byte> payload)
    {
        if (!IwxRemoveStaCmd.TryRead(payload, out var cmd)) return false;
        bool ok = _stations.Remove(cmd.StaId);
        RemoveStationKeys(cmd.StaId);
        return RespondStatus(h, ok ? IwxStatusResponse.Ok : IwxStatusResponse.Invalid);
    }

    private bool HandleScdQueueCfg(in IwxCommandHeader h, ReadOnlySpan<byte> payload)
    {
        if (!IwxScdQueueCfgCmd.TryRead(payload, out var cmd)) return false;
        var queues = _device.TxQueues;
        if (!cmd.Enable)
        {
            int qid = (int)(cmd.TfdQueueAddress & 0xffff);
            return RespondStatus(h, queues.Remove(qid) ? IwxStatusResponse.Ok : IwxStatusResponse.Invalid);
        }
        // A ring must be TFD aligned and a power of two the write pointer can address.
        int q = cmd.CbSize is >= 2 and <= 16 && cmd.TfdQueueAddress != 0 && cmd.TfdQueueAddress % IwxTfd.Size == 0
            ? queues.Add(cmd.TfdQueueAddress, (int)cmd.CbSize, cmd.StaId, cmd.Tid)
            : -1;
        if (q < 0) return false;
        Span<byte> b = stackalloc byte[IwxScdQueueCfgResponse.Size];
        new IwxScdQueueCfgResponse { QueueNumber = (ushort)q, Flags = IwxScdQueueCfgCmd.FlagEnable, WritePointer = 0 }.TryWrite(b);
        Respond(h, b);
        return true;
    }

    /// <summary>The station entry for an address (the AP's entry in STA mode), or -1.</summary>
    private int StationFor(MacAddress address)
    {
        foreach (var (id, a) in _stations)
            if (a == address) return id;
        return -1;
    }

    private bool AcksForCore(MacAddress address)
    {
        foreach (var mac in _macList)
            if (mac.Type != IwxMacContextCmd.MacTypeListener && mac.Node == address) return true;
        return false;
    }

    /// <summary>The firmware answers ACKs for its MAC contexts' addresses while it runs.</summary>
    public bool AcksFor(MacAddress address) => IsRunning && AcksForCore(address);

    /// <summary>The active MAC context: the first (firmware serves one station interface at a time).</summary>
    private MacContext? ActiveMac
    {
        get
        {
            var list = _macList;
            return list.Length > 0 ? list[0] : null;
        }
    }

    /// <summary>The radio follows the scan channel, else the PHY bound to the active MAC context, else the first PHY.</summary>
    private void UpdateTuning()
    {
        int frequency = 0;
        if (IsRunning)
        {
            if (_scanFrequency != 0) frequency = _scanFrequency;
            else if (ActiveMac is { Phy: >= 0 } mac && _phys.TryGetValue((uint)mac.Phy, out var bound)) frequency = bound.FrequencyMhz;
            else
            {
                foreach (var phy in _phys.Values)
                {
                    frequency = phy.FrequencyMhz;
                    break;
                }
            }
        }
        if (_device.Port.FrequencyMhz != frequency) _device.Port.FrequencyMhz = frequency;
    }

    private static ushort ReadU16(ReadOnlySpan<byte> b, int at) => BinaryPrimitives.ReadUInt16LittleEndian(b[at..]);
}

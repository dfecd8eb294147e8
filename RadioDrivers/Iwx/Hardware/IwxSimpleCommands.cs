using System.Buffers.Binary;

namespace Net80211.RadioDrivers.Iwx.Hardware;

/// <summary>The one-dword command payloads (§6): INIT_EXTENDED_CFG_CMD (init_flags), NVM_ACCESS_COMPLETE and
/// NVM_GET_INFO (reserved), TX_ANT_CONFIGURATION_CMD (valid), SCAN_ABORT_UMAC (uid), DEBUG_HOST_COMMAND (what).</summary>
public readonly record struct IwxU32Command(uint Value)
{
    public const int Size = 4;
    /// <summary>INIT_EXTENDED_CFG_CMD init_flags bit 0: NVM.</summary>
    public const uint InitFlagNvm = 1;
    /// <summary>DEBUG_HOST_COMMAND what: make the firmware SYSASSERT.</summary>
    public const uint DebugSysAssert = 1;

    public static bool TryRead(ReadOnlySpan<byte> source, out IwxU32Command cmd)
    {
        cmd = source.Length < Size ? default : new IwxU32Command(BinaryPrimitives.ReadUInt32LittleEndian(source));
        return source.Length >= Size;
    }

    public bool TryWrite(Span<byte> destination)
    {
        if (destination.Length < Size) return false;
        BinaryPrimitives.WriteUInt32LittleEndian(destination, Value);
        return true;
    }
}

/// <summary>PHY_CONFIGURATION_CMD payload (§6): <c>u32 phy_cfg; u32 event_trigger; u32 flow_trigger</c>.</summary>
public readonly record struct IwxPhyConfigurationCmd(uint PhyConfig, uint EventTrigger, uint FlowTrigger)
{
    public const int Size = 12;

    public static bool TryRead(ReadOnlySpan<byte> source, out IwxPhyConfigurationCmd cmd)
    {
        cmd = source.Length < Size ? default : new IwxPhyConfigurationCmd(BinaryPrimitives.ReadUInt32LittleEndian(source),
            BinaryPrimitives.ReadUInt32LittleEndian(source[4..]), BinaryPrimitives.ReadUInt32LittleEndian(source[8..]));
        return source.Length >= Size;
    }

    public bool TryWrite(Span<byte> destination)
    {
        if (destination.Length < Size) return false;
        BinaryPrimitives.WriteUInt32LittleEndian(destination, PhyConfig);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[4..], EventTrigger);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[8..], FlowTrigger);
        return true;
    }
}

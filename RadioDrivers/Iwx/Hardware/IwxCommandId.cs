namespace Net80211.RadioDrivers.Iwx.Hardware;

/// <summary>Command groups of the wide command header (docs/iwx-hardware.md §6).</summary>
public static class IwxCommandGroup
{
    public const byte Legacy = 0x0;
    public const byte Long = 0x1;
    public const byte System = 0x2;
    public const byte MacConf = 0x3;
    public const byte PhyOps = 0x4;
    public const byte DataPath = 0x5;
    public const byte RegulatoryAndNvm = 0xc;
}

/// <summary>A host command or notification: <c>(group, opcode)</c> as in the wide header.</summary>
public readonly record struct IwxCommandId(byte Group, byte Opcode)
{
    // Commands (§6)
    public static readonly IwxCommandId InitExtendedCfg = new(IwxCommandGroup.System, 0x03);
    public static readonly IwxCommandId NvmAccessComplete = new(IwxCommandGroup.RegulatoryAndNvm, 0x00);
    public static readonly IwxCommandId NvmGetInfo = new(IwxCommandGroup.RegulatoryAndNvm, 0x02);
    public static readonly IwxCommandId TxAntConfiguration = new(IwxCommandGroup.Legacy, 0x98);
    public static readonly IwxCommandId PhyConfiguration = new(IwxCommandGroup.Legacy, 0x6a);
    public static readonly IwxCommandId PhyContext = new(IwxCommandGroup.Legacy, 0x08);
    public static readonly IwxCommandId MacContext = new(IwxCommandGroup.Legacy, 0x28);
    public static readonly IwxCommandId BindingContext = new(IwxCommandGroup.Legacy, 0x2b);
    public static readonly IwxCommandId AddSta = new(IwxCommandGroup.Legacy, 0x18);
    public static readonly IwxCommandId RemoveSta = new(IwxCommandGroup.Legacy, 0x19);
    public static readonly IwxCommandId AddStaKey = new(IwxCommandGroup.Legacy, 0x17);
    public static readonly IwxCommandId ScdQueueCfg = new(IwxCommandGroup.Legacy, 0x1d);
    public static readonly IwxCommandId TxPathFlush = new(IwxCommandGroup.Legacy, 0x1e);
    public static readonly IwxCommandId ScanCfg = new(IwxCommandGroup.Long, 0x0c);
    public static readonly IwxCommandId ScanReqUmac = new(IwxCommandGroup.Long, 0x0d);
    public static readonly IwxCommandId ScanAbortUmac = new(IwxCommandGroup.Long, 0x0e);
    /// <summary>(emulator) test hook: <c>u32 what</c>, 1 = SYSASSERT. No response.</summary>
    public static readonly IwxCommandId DebugHostCommand = new(IwxCommandGroup.System, 0xfe);

    /// <summary>TX command on a data queue; also the id of the TX response notification.</summary>
    public static readonly IwxCommandId TxCmd = new(IwxCommandGroup.Legacy, 0x1c);

    // Notifications and replies
    public static readonly IwxCommandId Alive = new(IwxCommandGroup.Legacy, 0x01);
    /// <summary>Answer to a command the firmware does not know, or to a data frame on the command queue.</summary>
    public static readonly IwxCommandId ReplyError = new(IwxCommandGroup.Legacy, 0x02);
    public static readonly IwxCommandId RxMpdu = new(IwxCommandGroup.Legacy, 0xc1);
    public static readonly IwxCommandId ScanCompleteUmac = new(IwxCommandGroup.Long, 0x0f);
    public static readonly IwxCommandId MissedBeacons = new(IwxCommandGroup.Legacy, 0xa2);

    /// <summary>The if_iwxreg.h name, or "UNKNOWN_g_oo" for logs.</summary>
    public string Name
    {
        get
        {
            if (this == InitExtendedCfg) return "INIT_EXTENDED_CFG_CMD";
            if (this == NvmAccessComplete) return "NVM_ACCESS_COMPLETE";
            if (this == NvmGetInfo) return "NVM_GET_INFO";
            if (this == TxAntConfiguration) return "TX_ANT_CONFIGURATION_CMD";
            if (this == PhyConfiguration) return "PHY_CONFIGURATION_CMD";
            if (this == PhyContext) return "PHY_CONTEXT_CMD";
            if (this == MacContext) return "MAC_CONTEXT_CMD";
            if (this == BindingContext) return "BINDING_CONTEXT_CMD";
            if (this == AddSta) return "ADD_STA";
            if (this == RemoveSta) return "REMOVE_STA";
            if (this == AddStaKey) return "ADD_STA_KEY";
            if (this == ScdQueueCfg) return "SCD_QUEUE_CFG";
            if (this == TxPathFlush) return "TXPATH_FLUSH";
            if (this == ScanCfg) return "SCAN_CFG_CMD";
            if (this == ScanReqUmac) return "SCAN_REQ_UMAC";
            if (this == ScanAbortUmac) return "SCAN_ABORT_UMAC";
            if (this == DebugHostCommand) return "DEBUG_HOST_COMMAND";
            if (this == TxCmd) return "TX_CMD";
            if (this == Alive) return "ALIVE";
            if (this == ReplyError) return "REPLY_ERROR";
            if (this == RxMpdu) return "REPLY_RX_MPDU_CMD";
            if (this == ScanCompleteUmac) return "SCAN_COMPLETE_UMAC";
            if (this == MissedBeacons) return "MISSED_BEACONS_NOTIFICATION";
            return FormattableString.Invariant($"UNKNOWN_{Group:x}_{Opcode:x2}");
        }
    }

    public override string ToString() => FormattableString.Invariant($"{Name} ({Group:x},0x{Opcode:x2})");
}

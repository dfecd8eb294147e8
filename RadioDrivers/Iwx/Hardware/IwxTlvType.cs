namespace Net80211.RadioDrivers.Iwx.Hardware;

/// <summary>TLV types of the firmware container the driver understands (§3, the real iwlwifi numbers).</summary>
public enum IwxTlvType : uint
{
    /// <summary><c>u32 load_offset; bytes</c>: a runtime firmware section.</summary>
    SecRt = 19,
    SecInit = 20,
    PhySku = 23,
    /// <summary><c>u32 index; u32 bits</c>.</summary>
    ApiChangesSet = 29,
    /// <summary><c>u32 index; u32 bits</c>.</summary>
    EnabledCapabilities = 30,
    NScanChannels = 31,
    /// <summary><c>u32 major, minor, local</c>.</summary>
    FwVersion = 36,
    /// <summary>List of <c>u8 cmd, u8 group, u8 cmd_ver, u8 notif_ver</c>.</summary>
    CmdVersions = 48,
}

/// <summary>A firmware section from the container: where it loads and its bytes.</summary>
public readonly record struct IwxFirmwareSection(uint LoadOffset, ReadOnlyMemory<byte> Data);

/// <summary>One CMD_VERSIONS entry: the API version of a command and of its notification.</summary>
public readonly record struct IwxCmdVersion(byte Cmd, byte Group, byte CmdVersion, byte NotifVersion);

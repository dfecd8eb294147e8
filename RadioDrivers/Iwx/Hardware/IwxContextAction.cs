namespace Net80211.RadioDrivers.Iwx.Hardware;

/// <summary>The action field of the PHY, MAC and binding context commands (§6).</summary>
public enum IwxContextAction : uint
{
    Add = 1,
    Modify = 2,
    Remove = 3,
}

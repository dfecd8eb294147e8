using Net80211.Events;
using Net80211.StateMachine;
using Net80211.Vaps;

namespace Net80211.Radio;

// VAP lifecycle: wlan_clone_create / wlan_clone_destroy.
public sealed partial class Ieee80211Com
{
    /// <summary>Allocator of "wlanN" unit numbers. Units are global to a host, so a host running several
    /// radios gives them one shared allocator; by default each radio has its own.</summary>
    public VapUnitAllocator Units { get; set; } = new();

    /// <summary>
    /// <c>ifconfig wlanN create wlandev &lt;this&gt; wlanmode &lt;mode&gt;</c>: checks that the radio supports the
    /// mode and that an opmode module for it is registered, allocates a unit, and asks the driver to create
    /// the VAP. Errors come back as a result, never as an exception.
    /// </summary>
    public VapCreateResult CreateVap(OpMode mode, string? name = null, VapCreateFlags flags = VapCreateFlags.None,
        MacAddress bssid = default, MacAddress macAddress = default)
    {
        if (!IsAttached) return VapCreateResult.Fail(VapCreateError.NotAttached, $"{Name}: radio is not attached");
        if ((Caps & OpModeNames.RequiredCapability(mode)) == 0)
            return VapCreateResult.Fail(VapCreateError.ModeNotSupported, $"{Name}: mode {OpModeNames.Name(mode)} not supported by driver {Driver.DriverName}");
        if (!Modules.TryGetOpMode(mode, out _))
            return VapCreateResult.Fail(VapCreateError.ModeNotSupported, $"no opmode module registered for {OpModeNames.Name(mode)}");
        if (_vaps.Count > 0 && (Caps & RadioCapabilities.MultiVap) == 0)
            return VapCreateResult.Fail(VapCreateError.Busy, $"{Name}: driver {Driver.DriverName} supports one VAP at a time");
        if (mode == OpMode.Monitor && _vaps.Exists(v => v.Mode == OpMode.Monitor))
            return VapCreateResult.Fail(VapCreateError.Busy, $"{Name}: a monitor VAP already exists");

        int unit;
        if (name is null)
        {
            unit = Units.Allocate();
            name = "wlan" + unit.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        else
        {
            if (!VapUnitAllocator.TryParseName(name, out unit))
                return VapCreateResult.Fail(VapCreateError.InvalidName, $"{name}: interface names are wlan<N>");
            if (!Units.TryReserve(unit))
                return VapCreateResult.Fail(VapCreateError.NameInUse, $"{name}: interface already exists");
        }

        if ((flags & VapCreateFlags.MacAddress) == 0) macAddress = MacAddress;
        var parameters = new VapCreateParams(name, unit, mode, flags, bssid, macAddress);
        Ieee80211Vap? vap;
        try
        {
            vap = Driver.VapCreate(this, parameters);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            Units.Free(unit);
            return VapCreateResult.Fail(VapCreateError.DriverRefused, $"{Name}: {ex.Message}");
        }
        if (vap is null)
        {
            Units.Free(unit);
            return VapCreateResult.Fail(VapCreateError.DriverRefused, $"{Name}: driver {Driver.DriverName} could not create {name}");
        }
        if (!vap.IsAttached)
        {
            Units.Free(unit);
            return VapCreateResult.Fail(VapCreateError.DriverRefused, $"{Name}: driver {Driver.DriverName} did not attach {name}");
        }
        Raise(new VapCreated(Now, Name, vap.Name, mode, vap.MacAddress));
        return new VapCreateResult(vap, VapCreateError.None, null);
    }

    /// <summary><c>ifconfig wlanN destroy</c>: stops the VAP (sending DISASSOC/DEAUTH as its mode does) and
    /// has the driver delete it.</summary>
    public void DestroyVap(Ieee80211Vap vap)
    {
        ArgumentNullException.ThrowIfNull(vap);
        if (!_vaps.Contains(vap)) return;
        if (vap.IsRunning) vap.Stop(new TransitionReason(TransitionCause.Destroy));
        Driver.VapDelete(vap);
        if (vap.IsAttached) vap.Detach(); // a driver that forgot: net80211 would leak, we don't.
        Units.Free(vap.Unit);
        Raise(new VapDestroyed(Now, Name, vap.Name));
    }

    public Ieee80211Vap? FindVap(string name) => _vaps.Find(v => v.Name == name);
}

public enum VapCreateError
{
    None = 0,
    NotAttached,
    ModeNotSupported,
    InvalidName,
    NameInUse,
    Busy,
    DriverRefused,
}

public readonly record struct VapCreateResult(Ieee80211Vap? Vap, VapCreateError Error, string? Message)
{
    public bool Succeeded => Vap is not null;
    internal static VapCreateResult Fail(VapCreateError error, string message) => new(null, error, message);
}

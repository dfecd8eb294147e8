using Net80211.Radio;
using Net80211.RadioDrivers.Hwsim;
using Net80211.RadioDrivers.Iwx;

namespace Net80211.Wlan.Management.Host;

/// <summary>
/// A radio the user manages (ifconfig wlandev, net.wlan.devices), whatever drives it: the stack's face of it
/// and the few device facts the status report and sysctl show.
/// </summary>
public sealed class UserRadio
{
    private readonly Func<bool> _poweredUp;
    private readonly Func<int> _deviceTimeouts;

    private UserRadio(Ieee80211Com ic, string device, Func<bool> poweredUp, Func<int> deviceTimeouts)
    {
        Ic = ic;
        Device = device;
        _poweredUp = poweredUp;
        _deviceTimeouts = deviceTimeouts;
    }

    public static UserRadio ForHwsim(HwsimRadio radio)
    {
        ArgumentNullException.ThrowIfNull(radio);
        return new UserRadio(radio.Ic, "simulated radio", () => radio.PoweredUp, () => radio.DeviceTimeouts) { HwsimRadio = radio };
    }

    public static UserRadio ForIwx(IwxSimulation machine)
    {
        ArgumentNullException.ThrowIfNull(machine);
        var driver = machine.Driver ?? throw new ArgumentException("the iwx machine was not attached", nameof(machine));
        ushort deviceId = machine.Device.Config.Read16(Net80211.RadioDrivers.Pci.PciConfigSpace.DeviceId);
        string device = FormattableString.Invariant($"Intel Wi-Fi 6 {machine.Device.Model}, pci {machine.Address} 8086:{deviceId:x4}");
        return new UserRadio(driver.Ic, device,
            () => driver.IsUp, () => driver.DeviceTimeouts) { IwxMachine = machine };
    }

    public Ieee80211Com Ic { get; }
    public string Name => Ic.Name;
    public string DriverName => Ic.Driver.DriverName;
    /// <summary>What the radio is: "simulated radio", or the PCI device it drives.</summary>
    public string Device { get; }
    public bool PoweredUp => _poweredUp();
    /// <summary>True while firmware runs on the device (never for hwsim, which has none).</summary>
    public bool FirmwareRunning => IwxMachine is not null && PoweredUp;
    public int DeviceTimeouts => _deviceTimeouts();
    public HwsimRadio? HwsimRadio { get; private init; }
    public IwxSimulation? IwxMachine { get; private init; }
}

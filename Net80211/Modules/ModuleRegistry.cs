using System.Diagnostics.CodeAnalysis;
using Net80211.Radio;
using Net80211.Security;

namespace Net80211.Modules;

/// <summary>
/// The registered modules — opmodes, ciphers, rate control and radio drivers — resolved from dependency
/// injection, the way FreeBSD modules register themselves with ieee80211_*_register at load time.
/// </summary>
public sealed class ModuleRegistry
{
    private readonly Dictionary<OpMode, IOpModeModule> _opModes = [];
    private readonly Dictionary<string, IRateControlModule> _rateControl = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, ICipherModule> _ciphers = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, IRadioDriverFactory> _drivers = new(StringComparer.OrdinalIgnoreCase);

    public ModuleRegistry(
        IEnumerable<IOpModeModule>? opModes = null,
        IEnumerable<IRateControlModule>? rateControl = null,
        IEnumerable<ICipherModule>? ciphers = null,
        IEnumerable<IRadioDriverFactory>? drivers = null)
    {
        foreach (var m in opModes ?? []) _opModes[m.Mode] = m;
        foreach (var m in rateControl ?? []) _rateControl[m.Name] = m;
        foreach (var m in ciphers ?? []) _ciphers[m.Name] = m;
        foreach (var m in drivers ?? []) _drivers[m.Name] = m;
    }

    public IEnumerable<OpMode> OpModes => _opModes.Keys;
    public IEnumerable<string> RateControlNames => _rateControl.Keys;
    public IEnumerable<string> CipherNames => _ciphers.Keys;
    public IEnumerable<string> DriverNames => _drivers.Keys;

    public bool TryGetOpMode(OpMode mode, [NotNullWhen(true)] out IOpModeModule? module) => _opModes.TryGetValue(mode, out module);
    public bool TryGetRateControl(string name, [NotNullWhen(true)] out IRateControlModule? module) => _rateControl.TryGetValue(name, out module);
    public bool TryGetCipher(string name, [NotNullWhen(true)] out ICipherModule? module) => _ciphers.TryGetValue(name, out module);
    public bool TryGetDriver(string name, [NotNullWhen(true)] out IRadioDriverFactory? factory) => _drivers.TryGetValue(name, out factory);
}

/// <summary>A radio driver that can be instantiated by name (the daemon's world file says "driver: hwsim").</summary>
public interface IRadioDriverFactory
{
    string Name { get; }
}

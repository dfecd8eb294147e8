using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Net80211.Modules;
using Net80211.Security;

namespace Net80211.RadioDrivers.Iwx;

/// <summary>
/// Stand-in for net80211's <c>wk_key</c>: the core's <see cref="ICipherKey"/> does not expose key bytes, yet
/// ADD_STA_KEY must carry them. The driver gives its radio a module registry whose cipher modules are the
/// registered ones wrapped to remember, per key they create, the material it was made from. Keys are the
/// original objects (offload, counters and decap work unchanged). Remove once ICipherKey has the material.
/// </summary>
internal static class IwxKeyMaterial
{
    private static readonly ConditionalWeakTable<ICipherKey, byte[]> Material = new();

    public static bool TryGet(ICipherKey key, [NotNullWhen(true)] out byte[]? material) => Material.TryGetValue(key, out material);

    /// <summary>The same registry with every cipher module tapped.</summary>
    public static ModuleRegistry Wrap(ModuleRegistry modules)
    {
        ArgumentNullException.ThrowIfNull(modules);
        var opModes = new List<IOpModeModule>();
        foreach (var mode in modules.OpModes)
            if (modules.TryGetOpMode(mode, out var m)) opModes.Add(m);
        var rateControl = new List<IRateControlModule>();
        foreach (var name in modules.RateControlNames)
            if (modules.TryGetRateControl(name, out var m)) rateControl.Add(m);
        var ciphers = new List<ICipherModule>();
        foreach (var name in modules.CipherNames)
            if (modules.TryGetCipher(name, out var m)) ciphers.Add(m is Tap ? m : new Tap(m));
        var drivers = new List<IRadioDriverFactory>();
        foreach (var name in modules.DriverNames)
            if (modules.TryGetDriver(name, out var m)) drivers.Add(m);
        return new ModuleRegistry(opModes, rateControl, ciphers, drivers);
    }

    private sealed class Tap(ICipherModule inner) : ICipherModule
    {
        public string Name => inner.Name;
        public uint SuiteSelector => inner.SuiteSelector;
        public int KeyLength => inner.KeyLength;
        public int HeaderLength => inner.HeaderLength;
        public int TrailerLength => inner.TrailerLength;
        public int MsduMicLength => inner.MsduMicLength;

        public bool TryCreateKey(ReadOnlySpan<byte> keyMaterial, int keyIndex, CipherKeyFlags flags, out ICipherKey? key, out string? error)
        {
            if (!inner.TryCreateKey(keyMaterial, keyIndex, flags, out key, out error)) return false;
            Material.AddOrUpdate(key!, keyMaterial.ToArray());
            return true;
        }
    }
}

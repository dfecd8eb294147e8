using Net80211.Radio;
using Net80211.RadioDrivers.Iwx.Hardware;

namespace Net80211.RadioDrivers.Iwx;

// Power: ic_parent. The firmware is booted with the first running VAP (iwx_init) and the device stopped
// after the last one (iwx_stop). Both run as serialized firmware operations.
public sealed partial class IwxDriver
{
    private bool _up;
    private bool _wantUp;

    /// <summary>Firmware running and initialised: commands and frames may go.</summary>
    public bool IsUp => _up;

    public void Parent(Ieee80211Com ic)
    {
        ArgumentNullException.ThrowIfNull(ic);
        bool up = ic.NRunning > 0;
        if (up == _wantUp || _detached) return;
        _wantUp = up;
        if (up) RunOp("power up", PowerUpAsync);
        else RunOp("power down", PowerDownAsync);
    }

    /// <summary>iwx_init: load the firmware (again: it may have changed, or crashed), boot it, configure it.</summary>
    private async IwxFlow PowerUpAsync()
    {
        if (_up || !_wantUp || _detached) return;
        if (!LoadFirmwareFile(out string? error))
        {
            Log("init failed: " + error);
            return;
        }
        error = await BootAsync();
        if (error is null) error = await InitFirmwareAsync();
        if (error is not null)
        {
            Log("init failed: " + error);
            StopDevice("init failed");
            return;
        }
        if (!_wantUp)
        {
            StopDevice("power down");
            return;
        }
        _up = true;
        Ic.StartAll();
    }

    /// <summary>iwx_init_hw after the firmware is alive: antennas, PHY configuration, scan configuration.</summary>
    private async IwxFlow<string?> InitFirmwareAsync()
    {
        var nvm = _nvm!;
        var r = await Command(IwxCommandId.InitExtendedCfg, new IwxU32Command(IwxU32Command.InitFlagNvm));
        if (!r.Succeeded()) return "INIT_EXTENDED_CFG failed: " + r;
        r = await Command(IwxCommandId.NvmAccessComplete, new IwxU32Command(0));
        if (!r.Succeeded()) return "NVM_ACCESS_COMPLETE failed: " + r;
        r = await Command(IwxCommandId.TxAntConfiguration, new IwxU32Command(nvm.TxChains == 0 ? 1 : nvm.TxChains));
        if (!r.Succeeded()) return "TX_ANT_CONFIGURATION failed: " + r;
        r = await SendPhyConfiguration();
        if (!r.Succeeded()) return "PHY_CONFIGURATION failed: " + r;
        r = await SendScanConfig();
        if (!r.Succeeded()) return "SCAN_CFG failed: " + r;
        return null;
    }

    private IwxSignal<IwxCommandResult> SendPhyConfiguration()
    {
        Span<byte> b = stackalloc byte[IwxPhyConfigurationCmd.Size];
        new IwxPhyConfigurationCmd(_nvm!.TxChains << 16 | _nvm.RxChains << 20, 0, 0).TryWrite(b);
        return Send(IwxCommandId.PhyConfiguration, b);
    }

    /// <summary>iwx_stop: let the frames already handed over (the DEAUTH of a VAP going down) finish, then
    /// stop the device.</summary>
    private async IwxFlow PowerDownAsync()
    {
        if (_wantUp || _detached) return;
        int generation = _generation;
        for (int i = 0; i < 50 && _up && AnyRingBusy(); i++)
        {
            await Delay(TimeSpan.FromMilliseconds(1));
            if (generation != _generation || _wantUp) return;
        }
        if (_wantUp) return;
        ForgetContexts();
        StopDevice("power down");
    }

    private bool AnyRingBusy()
    {
        foreach (var r in _dataRings) if (r is { Count: > 0 }) return true;
        return false;
    }
}

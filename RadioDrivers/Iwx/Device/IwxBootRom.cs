using Net80211.RadioDrivers.Iwx.Hardware;
using Net80211.Scheduling;

namespace Net80211.RadioDrivers.Iwx.Device;

/// <summary>
/// The boot ROM (docs/iwx-hardware.md §5): on UREG_CPU_INIT_RUN it reads the context info and every firmware
/// section over DMA, checks the CSS signature and, 20 ms later, starts the firmware, which says ALIVE. Any
/// failure leaves the device silent — no ALIVE, as a badly signed or badly loaded image on real hardware.
/// </summary>
internal sealed class IwxBootRom
{
    /// <summary>From CPU_INIT_RUN to ALIVE.</summary>
    public static readonly TimeSpan BootTime = TimeSpan.FromMilliseconds(20);
    /// <summary>Largest section the ROM copies (the real images' largest are a few hundred KiB).</summary>
    public const int MaxSectionLength = 1 << 20;

    private readonly IwxDevice _device;
    private readonly IwxFirmware _firmware;
    private readonly Callout _alive;
    private IwxContextInfo _context;

    public IwxBootRom(IwxDevice device, IwxFirmware firmware)
    {
        _device = device;
        _firmware = firmware;
        _alive = new Callout(device.Queue);
    }

    /// <summary>CPU_INIT_RUN was written since the last reset.</summary>
    public bool Started { get; private set; }

    public void Reset()
    {
        Started = false;
        _alive.Stop();
        _context = default;
    }

    public void Start(ulong contextInfoIova)
    {
        if (Started) return;   // the CPU runs once per reset
        Started = true;
        string why = "CPU_INIT_RUN without the MAC clock";
        if (!_device.MacClockReady || !TryLoad(contextInfoIova, out why))
        {
            _device.BootFailures++;
            _device.LastBootError = why;
            return;
        }
        if (_device.Faults.FailBoot)
        {
            _device.BootFailures++;
            _device.LastBootError = "boot failure injected";
            return;
        }
        _alive.Reset(BootTime, static s => ((IwxBootRom)s!).OnBooted(), this);
    }

    private void OnBooted()
    {
        lock (_device.SyncRoot)
        {
            if (!Started || _device.DmaStopped) return;
            _device.Boots++;
            _firmware.Start(_context);
        }
    }

    private bool TryLoad(ulong iova, out string why)
    {
        Span<byte> header = stackalloc byte[IwxContextInfo.HeaderSize];
        if (!_device.DmaRead(iova, header))
        {
            why = "context info not readable by DMA";
            return false;
        }
        if (!IwxContextInfo.TryReadSectionCount(header, out uint count) || count is 0 or > IwxContextInfo.MaxSections)
        {
            why = $"context info with {count} sections";
            return false;
        }
        var whole = new byte[IwxContextInfo.SizeFor((int)count)];
        if (!_device.DmaRead(iova, whole))
        {
            why = "context info section table not readable by DMA";
            return false;
        }
        if (!IwxContextInfo.TryRead(whole, out var info))
        {
            why = "context info unreadable";
            return false;
        }
        if (!Validate(info, out why)) return false;

        // Copy every section in; the first must be the CSS header over the rest.
        var sections = new ReadOnlyMemory<byte>[info.Sections.Count];
        for (int i = 0; i < sections.Length; i++)
        {
            var s = info.Sections[i];
            if (s.Length is 0 or > MaxSectionLength)
            {
                why = $"section {i} has length {s.Length}";
                return false;
            }
            var data = new byte[s.Length];
            if (!_device.DmaRead(s.Iova, data))
            {
                why = $"section {i} not readable by DMA";
                return false;
            }
            sections[i] = data;
        }
        if (info.Sections[0].LoadOffset != IwxCss.LoadOffset || !IwxCss.Verify(sections[0].Span, sections[1..]))
        {
            _device.SignatureFailures++;
            why = "firmware signature (CSS) check failed";
            return false;
        }
        _context = info;
        why = "";
        return true;
    }

    private static bool Validate(in IwxContextInfo info, out string why)
    {
        why = "";
        if (info.Version != IwxContextInfo.CurrentVersion) why = $"context info version {info.Version}";
        else if (info.RxQueueSizeLog2 is < 3 or > 12) why = $"RX queue size 2^{info.RxQueueSizeLog2}";
        else if (info.CommandQueueSizeLog2 is < 2 or > 8) why = $"command queue size 2^{info.CommandQueueSizeLog2}";
        else if (info.FreeRbdAddress == 0 || info.UsedRbdAddress == 0 || info.StatusWritePointer == 0 || info.CommandQueueAddress == 0)
            why = "a ring address is zero";
        return why.Length == 0;
    }
}

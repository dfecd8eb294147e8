namespace Net80211.RadioDrivers.Pci;

/// <summary>
/// A mapped memory BAR (bus_space_tag/handle): 32-bit register access. While Memory Space is off or the
/// device is gone an access is a master abort — reads return all-ones, writes vanish — and is counted.
/// </summary>
public sealed class MmioRegion
{
    private readonly PciDeviceHandle _handle;
    private long _aborted;

    internal MmioRegion(PciDeviceHandle handle, int bar, long size)
    {
        _handle = handle;
        Bar = bar;
        Size = size;
    }

    public int Bar { get; }
    public long Size { get; }
    /// <summary>Accesses that hit a disabled or missing device.</summary>
    public long AbortedAccesses => Interlocked.Read(ref _aborted);

    public uint Read32(long offset)
    {
        if (!Decodes(offset)) return uint.MaxValue;
        return _handle.Device.ReadBar32(Bar, offset);
    }

    public void Write32(long offset, uint value)
    {
        if (Decodes(offset)) _handle.Device.WriteBar32(Bar, offset, value);
    }

    public void SetBits32(long offset, uint bits) => Write32(offset, Read32(offset) | bits);

    public void ClearBits32(long offset, uint bits) => Write32(offset, Read32(offset) & ~bits);

    private bool Decodes(long offset)
    {
        _handle.ThrowIfDisposed();
        if (offset < 0 || offset > Size - 4 || (offset & 3) != 0)
            throw new ArgumentOutOfRangeException(nameof(offset), offset, $"BAR{Bar} register access must be 4-byte aligned and inside {Size} bytes.");
        var device = _handle.Device;
        if (_handle.IsPresent && (device.Config.Read16(PciConfigSpace.Command) & PciConfigSpace.CommandMemorySpace) != 0) return true;
        Interlocked.Increment(ref _aborted);
        return false;
    }
}

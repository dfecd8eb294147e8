using System.Buffers.Binary;

namespace Net80211.RadioDrivers.Pci;

/// <summary>
/// A function's 256-byte configuration space (header type 0). Software writes go through a per-byte write
/// mask: only Command, the memory BARs' address bits, Interrupt Line and the MSI-X enable/function-mask bits
/// change; everything else reads back as the device model built it. Thread-safe.
/// </summary>
public sealed class PciConfigSpace
{
    public const int Size = 256;
    public const int VendorId = 0x00, DeviceId = 0x02, Command = 0x04, Status = 0x06, RevisionId = 0x08,
        ClassCode = 0x09, HeaderType = 0x0e, Bar0 = 0x10, SubsystemVendorId = 0x2c, SubsystemId = 0x2e,
        CapabilitiesPointer = 0x34, InterruptLine = 0x3c, InterruptPin = 0x3d;
    public const ushort CommandIoSpace = 0x1, CommandMemorySpace = 0x2, CommandBusMaster = 0x4, CommandInterruptDisable = 0x400;
    public const ushort StatusCapabilitiesList = 0x10;
    public const byte CapabilityIdPciExpress = 0x10, CapabilityIdMsix = 0x11;
    /// <summary>MSI-X Message Control (capability + 2): table size − 1 in bits 10:0.</summary>
    public const ushort MsixEnable = 0x8000, MsixFunctionMask = 0x4000;
    public const int BarCount = 6;
    private const int FirstCapability = 0x40;

    private readonly Lock _lock = new();
    private readonly byte[] _bytes = new byte[Size];
    private readonly byte[] _writeMask = new byte[Size];
    private readonly long[] _barSizes = new long[BarCount];   // 0: not a memory BAR (or the upper half of a 64-bit one)
    private int _nextCapability = FirstCapability;
    private int _lastCapability;

    /// <summary>Raised after every software write, outside the lock (the bus re-evaluates interrupt state).</summary>
    internal event Action? Written;

    /// <summary>Offset of the MSI-X capability, or 0.</summary>
    public int MsixCapability { get; private set; }

    /// <summary>Vectors the MSI-X capability advertises, or 0.</summary>
    public int MsixTableSize => MsixCapability == 0 ? 0 : (Read16(MsixCapability + 2) & 0x7ff) + 1;

    public byte Read8(int offset)
    {
        Check(offset, 1);
        lock (_lock) return _bytes[offset];
    }

    public ushort Read16(int offset)
    {
        Check(offset, 2);
        lock (_lock) return BinaryPrimitives.ReadUInt16LittleEndian(_bytes.AsSpan(offset));
    }

    public uint Read32(int offset)
    {
        Check(offset, 4);
        lock (_lock) return BinaryPrimitives.ReadUInt32LittleEndian(_bytes.AsSpan(offset));
    }

    public void Write8(int offset, byte value) => WriteMasked(offset, value, 1);
    public void Write16(int offset, ushort value) => WriteMasked(offset, value, 2);
    public void Write32(int offset, uint value) => WriteMasked(offset, value, 4);

    /// <summary>Walks the capability list (pci_find_cap): the capability's offset, or 0.</summary>
    public int FindCapability(byte id)
    {
        if ((Read16(Status) & StatusCapabilitiesList) == 0) return 0;
        int at = Read8(CapabilitiesPointer) & 0xfc;
        // A well-formed list has at most 48 entries in 192 bytes; the bound stops a looping list.
        for (int hops = 0; at >= FirstCapability && hops < 48; hops++)
        {
            if (Read8(at) == id) return at;
            at = Read8(at + 1) & 0xfc;
        }
        return 0;
    }

    /// <summary>Size of memory BAR <paramref name="bar"/>, or 0 when it is not one.</summary>
    public long GetBarSize(int bar)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bar);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(bar, BarCount);
        lock (_lock) return Math.Max(_barSizes[bar], 0);
    }

    // ---- builder, used by device models before the device is plugged: bypasses the write masks ----

    public void Init(ushort vendor, ushort device, byte revision, uint classCode, ushort subsystemVendor, ushort subsystem)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(classCode, 0xff_ffffu);
        lock (_lock)
        {
            Put16(VendorId, vendor);
            Put16(DeviceId, device);
            Put32(RevisionId, revision | classCode << 8);
            _bytes[HeaderType] = 0;
            Put16(SubsystemVendorId, subsystemVendor);
            Put16(SubsystemId, subsystem);
            _bytes[InterruptPin] = 1;   // INTA#
            Put16(Command, 0);
            SetMask(Command, CommandIoSpace | CommandMemorySpace | CommandBusMaster | CommandInterruptDisable, 2);
            SetMask(InterruptLine, 0xff, 1);
        }
    }

    /// <summary>Declares a memory BAR of <paramref name="size"/> bytes (a power of two, at least 16). Software
    /// sizes it the standard way: write all-ones, read back, size = ~(value &amp; ~0xf) + 1.</summary>
    public void DefineMemoryBar(int bar, long size, bool is64Bit, bool prefetchable = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bar);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(bar, is64Bit ? BarCount - 1 : BarCount);
        if (size < 16 || (size & (size - 1)) != 0 || (!is64Bit && size > 1L << 31))
            throw new ArgumentOutOfRangeException(nameof(size), size, "A BAR is a power of two, 16 bytes or more (at most 2 GiB for 32 bits).");
        lock (_lock)
        {
            if (_barSizes[bar] != 0 || (is64Bit && _barSizes[bar + 1] != 0) || IsUpperHalf(bar))
                throw new InvalidOperationException($"BAR{bar} is already defined.");
            int at = Bar0 + 4 * bar;
            uint type = (is64Bit ? 0x4u : 0u) | (prefetchable ? 0x8u : 0u);
            ulong addressMask = ~(ulong)(size - 1);
            Put32(at, type);
            SetMask(at, (uint)addressMask & 0xffff_fff0u, 4);
            if (is64Bit)
            {
                Put32(at + 4, 0);
                SetMask(at + 4, (uint)(addressMask >> 32), 4);
                _barSizes[bar + 1] = -1;   // upper half: not mappable on its own
            }
            _barSizes[bar] = size;
        }
    }

    /// <summary>Appends a capability of <paramref name="length"/> bytes (ID and next pointer included) to the
    /// list; returns its offset so the model can fill in the body with <see cref="SetRaw32"/>.</summary>
    public int AddCapability(byte id, int length)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 2);
        lock (_lock)
        {
            int at = (_nextCapability + 3) & ~3;
            if (at + length > Size) throw new InvalidOperationException("Configuration space is full.");
            _bytes[at] = id;
            _bytes[at + 1] = 0;
            if (_lastCapability == 0) _bytes[CapabilitiesPointer] = (byte)at;
            else _bytes[_lastCapability + 1] = (byte)at;
            _lastCapability = at;
            _nextCapability = at + length;
            Put16(Status, (ushort)(BinaryPrimitives.ReadUInt16LittleEndian(_bytes.AsSpan(Status)) | StatusCapabilitiesList));
            return at;
        }
    }

    /// <summary>Adds the MSI-X capability. The vector table and PBA it points at are not modelled in BAR
    /// memory: drivers mask vectors through <see cref="PciDeviceHandle.MaskVector"/>.</summary>
    public int AddMsixCapability(int vectorCount, int tableBar = 0, uint tableOffset = 0x2000, uint pbaOffset = 0x3000)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(vectorCount, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(vectorCount, 2048);
        if (MsixCapability != 0) throw new InvalidOperationException("MSI-X is already defined.");
        int at = AddCapability(CapabilityIdMsix, 12);
        lock (_lock)
        {
            Put16(at + 2, (ushort)(vectorCount - 1));
            SetMask(at + 2, MsixEnable | MsixFunctionMask, 2);
            Put32(at + 4, (tableOffset & ~7u) | (uint)(tableBar & 7));
            Put32(at + 8, (pbaOffset & ~7u) | (uint)(tableBar & 7));
            MsixCapability = at;
        }
        return at;
    }

    /// <summary>Sets a dword as the device (not software) does: no write mask.</summary>
    public void SetRaw32(int offset, uint value)
    {
        Check(offset, 4);
        lock (_lock) Put32(offset, value);
    }

    private bool IsUpperHalf(int bar) => _barSizes[bar] < 0;

    private void WriteMasked(int offset, uint value, int width)
    {
        Check(offset, width);
        lock (_lock)
        {
            for (int i = 0; i < width; i++, value >>= 8)
            {
                byte mask = _writeMask[offset + i];
                _bytes[offset + i] = (byte)((_bytes[offset + i] & ~mask) | ((byte)value & mask));
            }
        }
        Written?.Invoke();
    }

    private void SetMask(int offset, uint mask, int width)
    {
        for (int i = 0; i < width; i++, mask >>= 8) _writeMask[offset + i] = (byte)mask;
    }

    private void Put16(int offset, ushort value) => BinaryPrimitives.WriteUInt16LittleEndian(_bytes.AsSpan(offset), value);
    private void Put32(int offset, uint value) => BinaryPrimitives.WriteUInt32LittleEndian(_bytes.AsSpan(offset), value);

    // Config cycles are naturally aligned; anything else is a driver bug.
    private static void Check(int offset, int width)
    {
        if (offset < 0 || offset > Size - width || offset % width != 0)
            throw new ArgumentOutOfRangeException(nameof(offset), offset, $"A {width}-byte config access must be aligned and inside {Size} bytes.");
    }
}

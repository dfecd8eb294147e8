namespace Net80211.RadioDrivers.Pci;

/// <summary>A physically contiguous range of <see cref="HostMemory"/>, page aligned.</summary>
public sealed class PhysicalRegion
{
    private volatile bool _released;

    internal PhysicalRegion(HostMemory owner, ulong address, Memory<byte> memory, bool registered)
    {
        Owner = owner;
        Address = address;
        Memory = memory;
        IsRegistered = registered;
    }

    internal HostMemory Owner { get; }
    public ulong Address { get; }
    public int Length => Memory.Length;
    public Memory<byte> Memory { get; }
    /// <summary>True when the region wraps a caller's buffer (<see cref="HostMemory.Register"/>) rather than
    /// memory the machine allocated.</summary>
    public bool IsRegistered { get; }
    public bool Released => _released;

    internal void MarkReleased() => _released = true;

    public override string ToString() => $"phys 0x{Address:x} len {Length}";
}

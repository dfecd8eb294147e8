using System.Buffers.Binary;

namespace Net80211.RadioDrivers.Iwx.Device;

/// <summary>The slice of device SRAM the driver can read through HBUS_TARG_MEM: where the firmware keeps its
/// error tables. Reads outside it return the pattern the real bus returns for an unbacked address.</summary>
internal sealed class IwxSram
{
    public const uint Base = 0x0080_0000;
    public const int Length = 64 * 1024;
    public const uint Unbacked = 0xa5a5_a5a5;

    /// <summary>Where the firmware writes the LMAC error table (ALIVE's lmac_error_table).</summary>
    public const uint LmacErrorTable = Base + 0x3000;
    /// <summary>ALIVE's umac_error_table (the emulated UMAC never fills it).</summary>
    public const uint UmacErrorTable = Base + 0x4000;

    private readonly byte[] _bytes = new byte[Length];

    public uint Read32(uint address)
    {
        if (address < Base || address - Base > Length - 4 || (address & 3) != 0) return Unbacked;
        return BinaryPrimitives.ReadUInt32LittleEndian(_bytes.AsSpan((int)(address - Base)));
    }

    public void Write(uint address, ReadOnlySpan<byte> data)
    {
        if (address < Base || address - Base > Length - (uint)data.Length) throw new ArgumentOutOfRangeException(nameof(address));
        data.CopyTo(_bytes.AsSpan((int)(address - Base)));
    }

    public void Clear() => Array.Clear(_bytes);
}

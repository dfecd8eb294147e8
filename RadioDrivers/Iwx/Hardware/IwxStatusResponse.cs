using System.Buffers.Binary;

namespace Net80211.RadioDrivers.Iwx.Hardware;

/// <summary>A "status" response (§6): <c>u32 status</c>, 0 = OK (ADD_STA and ADD_STA_KEY use 1 = success).</summary>
public readonly record struct IwxStatusResponse(uint Status)
{
    public const int Size = 4;
    public const uint Ok = 0;
    /// <summary>(emulator) a command whose payload was too short or malformed.</summary>
    public const uint Invalid = 0xffffffff;

    public static bool TryRead(ReadOnlySpan<byte> source, out IwxStatusResponse response)
    {
        response = source.Length < Size ? default : new IwxStatusResponse(BinaryPrimitives.ReadUInt32LittleEndian(source));
        return source.Length >= Size;
    }

    public bool TryWrite(Span<byte> destination)
    {
        if (destination.Length < Size) return false;
        BinaryPrimitives.WriteUInt32LittleEndian(destination, Status);
        return true;
    }
}

using System.Buffers.Binary;
using Net80211.RadioDrivers.Iwx.Hardware;

namespace Net80211.RadioDrivers.Iwx;

/// <summary>How a host command ended.</summary>
public enum IwxCommandStatus
{
    /// <summary>The firmware answered with the command's own id, sequence and cookie.</summary>
    Ok,
    /// <summary>No answer within the timeout; the slot is poisoned until its late answer comes or it is reused.</summary>
    Timeout,
    /// <summary>Every command slot was in flight, also after one reclaim of finished responses.</summary>
    QueueFull,
    /// <summary>The device is not running firmware (down, booting, or reset under the command).</summary>
    DeviceDown,
    /// <summary>The firmware answered REPLY_ERROR (a command it does not know).</summary>
    FirmwareError,
    /// <summary>The payload does not fit a command slot.</summary>
    TooLarge,
}

/// <summary>The outcome of one command: its status and, when answered, a copy of the response payload.</summary>
public readonly record struct IwxCommandResult(IwxCommandId Command, IwxCommandStatus Status, byte[] Response)
{
    public bool Answered => Status == IwxCommandStatus.Ok;

    /// <summary>The leading <c>u32 status</c> of a "status" response (0 = OK for most commands, 1 for ADD_STA).</summary>
    public uint StatusWord => Response.Length >= 4 ? BinaryPrimitives.ReadUInt32LittleEndian(Response) : uint.MaxValue;

    /// <summary>Answered and the status word is <paramref name="ok"/>.</summary>
    public bool Succeeded(uint ok = 0) => Answered && StatusWord == ok;

    public override string ToString() => Status == IwxCommandStatus.Ok
        ? FormattableString.Invariant($"{Command.Name}: status 0x{StatusWord:x}")
        : FormattableString.Invariant($"{Command.Name}: {Status}");
}

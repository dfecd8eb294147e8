using System.Buffers.Binary;
using Net80211.RadioDrivers.Iwx.Hardware;
using Net80211.Scheduling;

namespace Net80211.RadioDrivers.Iwx.Device;

/// <summary>
/// The firmware files of the emulated devices (there is no Intel binary here): a TLV container with the
/// real layout — version, capabilities, scan channel count, command versions — and a CSS header section
/// signing four sections of deterministic pseudo-random "code", 64 KiB in all.
/// </summary>
public static class IwxFirmwareImages
{
    public const int SectionCount = 4;
    public const int SectionLength = 16 * 1024;

    /// <summary>Load offsets of the code sections (LMAC, UMAC, their data), as the real images spread them.</summary>
    private static readonly uint[] LoadOffsets = [0x0040_4000, 0x0080_0000, 0x0082_0000, 0x00c0_0000];

    // Capability bit numbers (32 · index + bit) the emulated firmware announces: LAR support, UMAC scan.
    public const int CapabilityLarSupport = 1;
    public const int CapabilityUmacScan = 2;

    public static byte[] Build(IwxDeviceModel model)
    {
        var random = new DeterministicRandom(model == IwxDeviceModel.AX210 ? 0x7721_0u : 0x7720_0u);
        var sections = new IwxFirmwareSection[SectionCount];
        for (int i = 0; i < sections.Length; i++)
        {
            var code = new byte[SectionLength];
            random.NextBytes(code);
            sections[i] = new IwxFirmwareSection(LoadOffsets[i], code);
        }
        string file = IwxPciIds.FirmwareName(model);
        string tag = file["iwlwifi-".Length..^".ucode".Length];
        return new IwxFirmwareFileBuilder
        {
            HumanReadable = FormattableString.Invariant($"{IwxFirmware.UmacMajor}.{IwxFirmware.UmacMinor:x8}.0 {tag}.ucode"),
            Version = IwxFirmwareFileBuilder.MakeVersion((int)IwxFirmware.UmacMajor, 0, 77, 0),
            BuildNumber = 0x206b0ee6,
        }
            .SetFwVersion(IwxFirmware.UmacMajor, IwxFirmware.UmacMinor, 0)
            .SetPhySku(IwxFirmware.ValidChains)
            .AddCapability(0, 1u << CapabilityLarSupport | 1u << CapabilityUmacScan)
            .AddApi(0, 0)
            .SetNScanChannels(IwxNvmChannels.Count)
            .AddCmdVersions(
            [
                Version(IwxCommandId.AddSta, 12), Version(IwxCommandId.AddStaKey, 4), Version(IwxCommandId.MacContext, 1),
                Version(IwxCommandId.PhyContext, 3), Version(IwxCommandId.BindingContext, 1), Version(IwxCommandId.ScdQueueCfg, 3),
                Version(IwxCommandId.TxCmd, 9, 8), Version(IwxCommandId.ScanReqUmac, 14, 2), Version(IwxCommandId.NvmGetInfo, 1),
                Version(IwxCommandId.TxPathFlush, 2), Version(IwxCommandId.RxMpdu, 0, 6),
            ])
            .AddSignedRuntimeSections(sections)
            .Build();
    }

    /// <summary>A copy of <paramref name="image"/> with one byte of its first code section flipped: it still
    /// parses, but the boot ROM's CSS check fails and the device never says ALIVE.</summary>
    public static byte[] Corrupt(byte[] image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var copy = (byte[])image.Clone();
        int seen = 0;
        for (int at = IwxFirmwareFile.HeaderSize; at + IwxFirmwareFile.TlvHeaderSize <= copy.Length;)
        {
            uint type = BinaryPrimitives.ReadUInt32LittleEndian(copy.AsSpan(at));
            int length = (int)BinaryPrimitives.ReadUInt32LittleEndian(copy.AsSpan(at + 4));
            int body = at + IwxFirmwareFile.TlvHeaderSize;
            if (type == (uint)IwxTlvType.SecRt && seen++ == 1 && length > 4 + 100)
            {
                copy[body + 4 + 100] ^= 0x5a;   // past the load offset, inside the code
                return copy;
            }
            at = body + ((length + 3) & ~3);
        }
        throw new ArgumentException("no code section to corrupt", nameof(image));
    }

    private static IwxCmdVersion Version(IwxCommandId id, byte cmd, byte notif = 0) => new(id.Opcode, id.Group, cmd, notif);
}

using System.Buffers.Binary;
using System.Text;

namespace Net80211.RadioDrivers.Iwx.Hardware;

/// <summary>A parsed iwlwifi TLV firmware container (§3): what <c>iwx_read_firmware</c> extracts.</summary>
/// <remarks>
/// <code>
///  0x00 u32 zero                (0 for TLV files)
///  0x04 u32 magic               0x0a4c5749 ("IWL\n")
///  0x08 u8  human_readable[64]  NUL padded
///  0x48 u32 ver                 major &lt;&lt; 24 | minor &lt;&lt; 16 | api &lt;&lt; 8 | serial
///  0x4c u32 build
///  0x50 u64 ignore
///  0x58 TLVs                    { u32 type; u32 length; u8 data[length]; pad to 4 }
/// </code>
/// </remarks>
public sealed class IwxFirmwareFile
{
    public const uint Magic = 0x0a4c5749;
    public const int HeaderSize = 0x58;
    public const int HumanReadableLength = 64;
    public const int TlvHeaderSize = 8;

    private const int ZeroOffset = 0x00, MagicOffset = 0x04, HumanReadableOffset = 0x08, VersionOffset = 0x48, BuildOffset = 0x4c;

    private readonly Dictionary<int, uint> _capabilities = [];
    private readonly Dictionary<int, uint> _api = [];

    private IwxFirmwareFile() { }

    public string HumanReadable { get; private set; } = "";
    /// <summary>The header's ver word.</summary>
    public uint Version { get; private set; }
    public int Major => (int)(Version >> 24);
    public int Minor => (int)(Version >> 16 & 0xff);
    public int Api => (int)(Version >> 8 & 0xff);
    public int Serial => (int)(Version & 0xff);
    public uint BuildNumber { get; private set; }

    /// <summary>FW_VERSION TLV, if present (major, minor, local).</summary>
    public (uint Major, uint Minor, uint Local)? FwVersion { get; private set; }

    /// <summary>SEC_RT sections in file order (the first is the CSS header section).</summary>
    public IReadOnlyList<IwxFirmwareSection> Sections { get; private set; } = [];
    public IReadOnlyList<IwxFirmwareSection> InitSections { get; private set; } = [];
    public uint? PhySku { get; private set; }
    public uint? NScanChannels { get; private set; }
    public IReadOnlyList<IwxCmdVersion> CmdVersions { get; private set; } = [];
    /// <summary>TLV types skipped because the reader does not know them.</summary>
    public IReadOnlyList<uint> UnknownTlvTypes { get; private set; } = [];

    /// <summary>ENABLED_CAPABILITIES: capability number = 32 · index + bit.</summary>
    public bool HasCapability(int capability) => HasBit(_capabilities, capability);

    /// <summary>API_CHANGES_SET: flag number = 32 · index + bit.</summary>
    public bool HasApi(int flag) => HasBit(_api, flag);

    public IReadOnlyDictionary<int, uint> CapabilityWords => _capabilities;
    public IReadOnlyDictionary<int, uint> ApiWords => _api;

    /// <summary>Version string as iwlwifi prints it ("77.206b0ee6.0" is the human-readable form; this is "77.0.0").</summary>
    public string VersionString => FwVersion is { } v
        ? FormattableString.Invariant($"{v.Major}.{v.Minor:x8}.{v.Local}")
        : FormattableString.Invariant($"{Major}.{Minor}.{Api}.{Serial}");

    /// <summary>The command version from CMD_VERSIONS, or null.</summary>
    public IwxCmdVersion? FindCmdVersion(IwxCommandId id)
    {
        foreach (var v in CmdVersions)
            if (v.Cmd == id.Opcode && v.Group == id.Group) return v;
        return null;
    }

    /// <summary>Whether the first SEC_RT section is a CSS header whose hash matches the following sections.</summary>
    public bool VerifySignature()
    {
        if (Sections.Count == 0 || Sections[0].LoadOffset != IwxCss.LoadOffset) return false;
        var following = Sections.Skip(1).Select(s => s.Data).ToArray();
        return IwxCss.Verify(Sections[0].Data.Span, following);
    }

    /// <summary>Parses a container. Errors: short file, bad magic, a TLV running past the end or of the wrong
    /// size for its type, no SEC_RT section. Unknown TLV types are skipped and listed.</summary>
    public static bool TryParse(ReadOnlySpan<byte> data, out IwxFirmwareFile file, out string error)
    {
        file = new IwxFirmwareFile();
        error = "";
        if (data.Length < HeaderSize)
        {
            error = FormattableString.Invariant($"firmware file too short: {data.Length} bytes, the header alone is {HeaderSize}");
            return false;
        }
        if (BinaryPrimitives.ReadUInt32LittleEndian(data[ZeroOffset..]) != 0)
        {
            error = "not a TLV firmware file (first word is not zero)";
            return false;
        }
        uint magic = BinaryPrimitives.ReadUInt32LittleEndian(data[MagicOffset..]);
        if (magic != Magic)
        {
            error = FormattableString.Invariant($"bad firmware magic 0x{magic:x8} (expected 0x{Magic:x8})");
            return false;
        }
        var name = data.Slice(HumanReadableOffset, HumanReadableLength);
        int nul = name.IndexOf((byte)0);
        file.HumanReadable = Encoding.ASCII.GetString(nul < 0 ? name : name[..nul]);
        file.Version = BinaryPrimitives.ReadUInt32LittleEndian(data[VersionOffset..]);
        file.BuildNumber = BinaryPrimitives.ReadUInt32LittleEndian(data[BuildOffset..]);

        var sections = new List<IwxFirmwareSection>();
        var init = new List<IwxFirmwareSection>();
        var cmdVersions = new List<IwxCmdVersion>();
        var unknown = new List<uint>();
        int at = HeaderSize;
        while (at < data.Length)
        {
            if (data.Length - at < TlvHeaderSize)
            {
                error = FormattableString.Invariant($"truncated TLV header at offset 0x{at:x}");
                return false;
            }
            uint type = BinaryPrimitives.ReadUInt32LittleEndian(data[at..]);
            uint length = BinaryPrimitives.ReadUInt32LittleEndian(data[(at + 4)..]);
            int body = at + TlvHeaderSize;
            if (length > (uint)(data.Length - body))
            {
                error = FormattableString.Invariant($"TLV type {type} at offset 0x{at:x} runs past the end (length {length}, {data.Length - body} bytes left)");
                return false;
            }
            var tlv = data.Slice(body, (int)length);
            if (!file.ReadTlv((IwxTlvType)type, tlv, sections, init, cmdVersions, unknown, out error))
            {
                error = FormattableString.Invariant($"TLV type {type} at offset 0x{at:x}: {error}");
                return false;
            }
            at = body + (int)((length + 3) & ~3u);
        }
        if (sections.Count == 0)
        {
            error = "no SEC_RT section in the firmware file";
            return false;
        }
        file.Sections = sections;
        file.InitSections = init;
        file.CmdVersions = cmdVersions;
        file.UnknownTlvTypes = unknown;
        return true;
    }

    private bool ReadTlv(IwxTlvType type, ReadOnlySpan<byte> tlv, List<IwxFirmwareSection> sections, List<IwxFirmwareSection> init,
        List<IwxCmdVersion> cmdVersions, List<uint> unknown, out string error)
    {
        error = "";
        switch (type)
        {
            case IwxTlvType.SecRt:
            case IwxTlvType.SecInit:
                if (tlv.Length < 4) return Bad(out error, "a section needs its u32 load offset");
                (type == IwxTlvType.SecRt ? sections : init).Add(
                    new IwxFirmwareSection(BinaryPrimitives.ReadUInt32LittleEndian(tlv), tlv[4..].ToArray()));
                return true;
            case IwxTlvType.PhySku:
                if (tlv.Length != 4) return Bad(out error, "PHY_SKU is one u32");
                PhySku = BinaryPrimitives.ReadUInt32LittleEndian(tlv);
                return true;
            case IwxTlvType.NScanChannels:
                if (tlv.Length != 4) return Bad(out error, "N_SCAN_CHANNELS is one u32");
                NScanChannels = BinaryPrimitives.ReadUInt32LittleEndian(tlv);
                return true;
            case IwxTlvType.ApiChangesSet:
            case IwxTlvType.EnabledCapabilities:
                if (tlv.Length != 8) return Bad(out error, "capability words are u32 index; u32 bits");
                var words = type == IwxTlvType.ApiChangesSet ? _api : _capabilities;
                int index = (int)Math.Min(BinaryPrimitives.ReadUInt32LittleEndian(tlv), int.MaxValue);
                words[index] = words.GetValueOrDefault(index) | BinaryPrimitives.ReadUInt32LittleEndian(tlv[4..]);
                return true;
            case IwxTlvType.FwVersion:
                if (tlv.Length != 12) return Bad(out error, "FW_VERSION is u32 major, minor, local");
                FwVersion = (BinaryPrimitives.ReadUInt32LittleEndian(tlv), BinaryPrimitives.ReadUInt32LittleEndian(tlv[4..]),
                    BinaryPrimitives.ReadUInt32LittleEndian(tlv[8..]));
                return true;
            case IwxTlvType.CmdVersions:
                if (tlv.Length % 4 != 0) return Bad(out error, "CMD_VERSIONS entries are 4 bytes");
                for (int i = 0; i < tlv.Length; i += 4)
                    cmdVersions.Add(new IwxCmdVersion(tlv[i], tlv[i + 1], tlv[i + 2], tlv[i + 3]));
                return true;
            default:
                unknown.Add((uint)type);
                return true;
        }
    }

    private static bool Bad(out string error, string why)
    {
        error = why;
        return false;
    }

    private static bool HasBit(Dictionary<int, uint> words, int number)
        => number >= 0 && words.TryGetValue(number / 32, out uint bits) && (bits & 1u << (number % 32)) != 0;
}

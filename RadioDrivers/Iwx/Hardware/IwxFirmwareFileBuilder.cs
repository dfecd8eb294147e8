using System.Buffers.Binary;
using System.Text;

namespace Net80211.RadioDrivers.Iwx.Hardware;

/// <summary>Writes the TLV container of §3; TLVs appear in the order they were added.</summary>
public sealed class IwxFirmwareFileBuilder
{
    private readonly List<(uint Type, byte[] Data)> _tlvs = [];

    /// <summary>At most 63 ASCII characters.</summary>
    public string HumanReadable { get; set; } = "";
    /// <summary>major &lt;&lt; 24 | minor &lt;&lt; 16 | api &lt;&lt; 8 | serial.</summary>
    public uint Version { get; set; }
    public uint BuildNumber { get; set; }

    public static uint MakeVersion(int major, int minor, int api, int serial)
        => (uint)(major & 0xff) << 24 | (uint)(minor & 0xff) << 16 | (uint)(api & 0xff) << 8 | (uint)(serial & 0xff);

    public IwxFirmwareFileBuilder AddTlv(uint type, ReadOnlySpan<byte> data)
    {
        _tlvs.Add((type, data.ToArray()));
        return this;
    }

    public IwxFirmwareFileBuilder AddSection(IwxTlvType type, uint loadOffset, ReadOnlySpan<byte> data)
    {
        var body = new byte[4 + data.Length];
        BinaryPrimitives.WriteUInt32LittleEndian(body, loadOffset);
        data.CopyTo(body.AsSpan(4));
        return AddTlv((uint)type, body);
    }

    /// <summary>A CSS section for <paramref name="sections"/> followed by those sections as SEC_RT.</summary>
    public IwxFirmwareFileBuilder AddSignedRuntimeSections(IReadOnlyList<IwxFirmwareSection> sections)
    {
        ArgumentNullException.ThrowIfNull(sections);
        AddSection(IwxTlvType.SecRt, IwxCss.LoadOffset, IwxCss.Create(sections.Select(s => s.Data).ToArray()));
        foreach (var s in sections) AddSection(IwxTlvType.SecRt, s.LoadOffset, s.Data.Span);
        return this;
    }

    public IwxFirmwareFileBuilder AddCapability(int index, uint bits) => AddWord(IwxTlvType.EnabledCapabilities, index, bits);

    public IwxFirmwareFileBuilder AddApi(int index, uint bits) => AddWord(IwxTlvType.ApiChangesSet, index, bits);

    public IwxFirmwareFileBuilder SetNScanChannels(uint count) => AddU32(IwxTlvType.NScanChannels, count);

    public IwxFirmwareFileBuilder SetPhySku(uint sku) => AddU32(IwxTlvType.PhySku, sku);

    public IwxFirmwareFileBuilder SetFwVersion(uint major, uint minor, uint local)
    {
        Span<byte> b = stackalloc byte[12];
        BinaryPrimitives.WriteUInt32LittleEndian(b, major);
        BinaryPrimitives.WriteUInt32LittleEndian(b[4..], minor);
        BinaryPrimitives.WriteUInt32LittleEndian(b[8..], local);
        return AddTlv((uint)IwxTlvType.FwVersion, b);
    }

    public IwxFirmwareFileBuilder AddCmdVersions(IEnumerable<IwxCmdVersion> versions)
    {
        ArgumentNullException.ThrowIfNull(versions);
        var list = new List<byte>();
        foreach (var v in versions) list.AddRange([v.Cmd, v.Group, v.CmdVersion, v.NotifVersion]);
        return AddTlv((uint)IwxTlvType.CmdVersions, list.ToArray());
    }

    public byte[] Build()
    {
        int size = IwxFirmwareFile.HeaderSize;
        foreach (var (_, data) in _tlvs) size += IwxFirmwareFile.TlvHeaderSize + ((data.Length + 3) & ~3);
        var file = new byte[size];
        var span = file.AsSpan();
        BinaryPrimitives.WriteUInt32LittleEndian(span, 0);
        BinaryPrimitives.WriteUInt32LittleEndian(span[4..], IwxFirmwareFile.Magic);
        var name = Encoding.ASCII.GetBytes(HumanReadable);
        if (name.Length >= IwxFirmwareFile.HumanReadableLength) throw new InvalidOperationException("the human-readable name takes at most 63 characters");
        name.CopyTo(span[8..]);
        BinaryPrimitives.WriteUInt32LittleEndian(span[0x48..], Version);
        BinaryPrimitives.WriteUInt32LittleEndian(span[0x4c..], BuildNumber);
        int at = IwxFirmwareFile.HeaderSize;
        foreach (var (type, data) in _tlvs)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(span[at..], type);
            BinaryPrimitives.WriteUInt32LittleEndian(span[(at + 4)..], (uint)data.Length);
            data.CopyTo(span[(at + IwxFirmwareFile.TlvHeaderSize)..]);
            at += IwxFirmwareFile.TlvHeaderSize + ((data.Length + 3) & ~3);
        }
        return file;
    }

    private IwxFirmwareFileBuilder AddWord(IwxTlvType type, int index, uint bits)
    {
        Span<byte> b = stackalloc byte[8];
        BinaryPrimitives.WriteUInt32LittleEndian(b, (uint)index);
        BinaryPrimitives.WriteUInt32LittleEndian(b[4..], bits);
        return AddTlv((uint)type, b);
    }

    private IwxFirmwareFileBuilder AddU32(IwxTlvType type, uint value)
    {
        Span<byte> b = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(b, value);
        return AddTlv((uint)type, b);
    }
}

using System.Buffers.Binary;

namespace Net80211.RadioDrivers.Iwx.Hardware;

/// <summary>One firmware section the boot ROM copies in: where it is in host memory and where it loads.</summary>
public readonly record struct IwxContextInfoSection(ulong Iova, uint Length, uint LoadOffset);

/// <summary>The boot context info (<c>iwl_context_info</c>, trimmed; §5): rings and firmware sections.</summary>
/// <remarks>
/// <code>
///  0x00 u16 version (1); u16 size (bytes of this structure including the section table)
///  0x04 u32 control_flags          bits 0..3: log2 of the RX queue size
///  0x08 u64 free_rbd_addr
///  0x10 u64 used_rbd_addr
///  0x18 u64 status_wr_ptr
///  0x20 u64 cmd_queue_addr
///  0x28 u8  cmd_queue_size_log2; u8 reserved[7]
///  0x30 u32 section_count
///  0x34 u32 reserved
///  0x38 sections[section_count]    { u64 iova; u32 length; u32 load_offset }, 16 bytes each, ≤ 32
/// </code>
/// </remarks>
public readonly record struct IwxContextInfo
{
    public const int HeaderSize = 0x38;
    public const int SectionSize = 16;
    public const int MaxSections = 32;
    public const ushort CurrentVersion = 1;
    public const uint RxQueueSizeLog2Mask = 0xf;

    private const int VersionOffset = 0x00, SizeOffset = 0x02, ControlFlagsOffset = 0x04, FreeRbdOffset = 0x08,
        UsedRbdOffset = 0x10, StatusOffset = 0x18, CmdQueueOffset = 0x20, CmdQueueSizeOffset = 0x28,
        SectionCountOffset = 0x30, SectionsOffset = 0x38;

    public ushort Version { get; init; }
    /// <summary>The size field; <see cref="TryWrite"/> fills it from the section count when 0.</summary>
    public ushort StructSize { get; init; }
    public uint ControlFlags { get; init; }
    public ulong FreeRbdAddress { get; init; }
    public ulong UsedRbdAddress { get; init; }
    public ulong StatusWritePointer { get; init; }
    public ulong CommandQueueAddress { get; init; }
    public byte CommandQueueSizeLog2 { get; init; }
    public IReadOnlyList<IwxContextInfoSection> Sections { get; init; }

    public int RxQueueSizeLog2 => (int)(ControlFlags & RxQueueSizeLog2Mask);

    /// <summary>Bytes this context info takes with its section table.</summary>
    public int Size => SizeFor(Sections?.Count ?? 0);

    public static int SizeFor(int sectionCount) => HeaderSize + SectionSize * sectionCount;

    /// <summary>The section_count field of a header (what a reader needs before fetching the table).</summary>
    public static bool TryReadSectionCount(ReadOnlySpan<byte> header, out uint sectionCount)
    {
        sectionCount = header.Length < HeaderSize ? 0 : BinaryPrimitives.ReadUInt32LittleEndian(header[SectionCountOffset..]);
        return header.Length >= HeaderSize;
    }

    /// <summary>False for a short span or more than <see cref="MaxSections"/> sections.</summary>
    public static bool TryRead(ReadOnlySpan<byte> source, out IwxContextInfo info)
    {
        info = default;
        if (!TryReadSectionCount(source, out uint count) || count > MaxSections || source.Length < SizeFor((int)count)) return false;
        var sections = new IwxContextInfoSection[count];
        for (int i = 0; i < sections.Length; i++)
        {
            var s = source.Slice(SectionsOffset + i * SectionSize, SectionSize);
            sections[i] = new IwxContextInfoSection(BinaryPrimitives.ReadUInt64LittleEndian(s),
                BinaryPrimitives.ReadUInt32LittleEndian(s[8..]), BinaryPrimitives.ReadUInt32LittleEndian(s[12..]));
        }
        info = new IwxContextInfo
        {
            Version = BinaryPrimitives.ReadUInt16LittleEndian(source[VersionOffset..]),
            StructSize = BinaryPrimitives.ReadUInt16LittleEndian(source[SizeOffset..]),
            ControlFlags = BinaryPrimitives.ReadUInt32LittleEndian(source[ControlFlagsOffset..]),
            FreeRbdAddress = BinaryPrimitives.ReadUInt64LittleEndian(source[FreeRbdOffset..]),
            UsedRbdAddress = BinaryPrimitives.ReadUInt64LittleEndian(source[UsedRbdOffset..]),
            StatusWritePointer = BinaryPrimitives.ReadUInt64LittleEndian(source[StatusOffset..]),
            CommandQueueAddress = BinaryPrimitives.ReadUInt64LittleEndian(source[CmdQueueOffset..]),
            CommandQueueSizeLog2 = source[CmdQueueSizeOffset],
            Sections = sections,
        };
        return true;
    }

    public bool TryWrite(Span<byte> destination)
    {
        var sections = Sections ?? [];
        if (sections.Count > MaxSections || destination.Length < SizeFor(sections.Count)) return false;
        destination[..HeaderSize].Clear();
        BinaryPrimitives.WriteUInt16LittleEndian(destination[VersionOffset..], Version);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[SizeOffset..], StructSize != 0 ? StructSize : (ushort)SizeFor(sections.Count));
        BinaryPrimitives.WriteUInt32LittleEndian(destination[ControlFlagsOffset..], ControlFlags);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[FreeRbdOffset..], FreeRbdAddress);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[UsedRbdOffset..], UsedRbdAddress);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[StatusOffset..], StatusWritePointer);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[CmdQueueOffset..], CommandQueueAddress);
        destination[CmdQueueSizeOffset] = CommandQueueSizeLog2;
        BinaryPrimitives.WriteUInt32LittleEndian(destination[SectionCountOffset..], (uint)sections.Count);
        for (int i = 0; i < sections.Count; i++)
        {
            var s = destination.Slice(SectionsOffset + i * SectionSize, SectionSize);
            BinaryPrimitives.WriteUInt64LittleEndian(s, sections[i].Iova);
            BinaryPrimitives.WriteUInt32LittleEndian(s[8..], sections[i].Length);
            BinaryPrimitives.WriteUInt32LittleEndian(s[12..], sections[i].LoadOffset);
        }
        return true;
    }
}

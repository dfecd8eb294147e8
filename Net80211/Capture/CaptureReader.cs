using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;

namespace Net80211.Capture;

/// <summary>
/// Reads packets from a classic pcap file (either byte order, µs or ns time stamps) or a pcapng file
/// (any number of sections, Interface Description, Enhanced and Simple Packet Blocks; other blocks
/// are skipped). Streams: one reusable buffer, nothing allocated per packet.
/// </summary>
/// <remarks>
/// <code>
/// using var reader = CaptureReader.Open(path);
/// while (reader.TryReadNext(out CaptureRecord record)) { ... record.Data ... }
/// if (reader.ErrorCount > 0) Console.WriteLine(reader.LastError);
/// </code>
/// Bad input never throws. A damaged block whose framing is intact (unknown interface, fields that do
/// not fit) is counted and skipped; damage that loses the framing (a length past the end of the file,
/// a record larger than <see cref="MaxRecordLength"/>, a pcapng length that disagrees with its
/// trailing copy, an I/O failure) is counted and ends the file. Every step consumes input, so a
/// damaged file cannot make the reader loop.
/// </remarks>
public sealed class CaptureReader : IDisposable
{
    /// <summary>Largest packet accepted (Wireshark's limit for ordinary link types).</summary>
    public const int MaxRecordLength = 262_144;
    /// <summary>Largest pcapng block accepted.</summary>
    public const int MaxBlockLength = 16 * 1024 * 1024;

    private const int InitialBufferLength = 64 * 1024;

    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly List<PcapNgInterface> _interfaces = [];
    private byte[] _buffer = new byte[InitialBufferLength];
    private int _prefetched;     // octets of the next block already at the start of _buffer
    private bool _bigEndian;
    private bool _ended;
    private bool _disposed;
    private PcapFileHeader _pcap;

    private CaptureReader(Stream stream, bool leaveOpen)
    {
        _stream = stream;
        _leaveOpen = leaveOpen;
    }

    public CaptureFormat Format { get; private set; }

    /// <summary>The file's link type (pcap), or that of the first interface seen (pcapng; 0 before one).</summary>
    public LinkType LinkType { get; private set; }

    /// <summary>The file was written big-endian (for pcapng: the current section).</summary>
    public bool IsBigEndian => _bigEndian;

    /// <summary>Packets returned so far.</summary>
    public long RecordsRead { get; private set; }

    /// <summary>Errors met so far (each also ends or skips something).</summary>
    public long ErrorCount { get; private set; }

    public CaptureError LastError { get; private set; }

    /// <summary>Interfaces declared in the current pcapng section.</summary>
    public int InterfaceCount => _interfaces.Count;

    /// <summary>Opens <paramref name="path"/>.</summary>
    /// <exception cref="IOException">The file cannot be opened.</exception>
    /// <exception cref="InvalidDataException">The file is not a pcap or pcapng capture.</exception>
    public static CaptureReader Open(string path)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 64 * 1024);
        if (!TryOpen(stream, out CaptureReader? reader, out CaptureError error))
        {
            stream.Dispose();
            throw new InvalidDataException($"{path}: not a capture file ({error})");
        }
        return reader;
    }

    /// <summary>Reads the file header from <paramref name="stream"/>. On false nothing is disposed.</summary>
    public static bool TryOpen(Stream stream, [NotNullWhen(true)] out CaptureReader? reader, out CaptureError error, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        reader = null;
        var candidate = new CaptureReader(stream, leaveOpen);
        if (!candidate.TryReadFileHeader(out error)) return false;
        reader = candidate;
        return true;
    }

    /// <summary>The next packet, or false at the end of the file or at an error that ends it.</summary>
    public bool TryReadNext(out CaptureRecord record)
    {
        record = default;
        if (_ended || _disposed) return false;
        bool ok = Format == CaptureFormat.PcapNg ? TryReadNextBlockPacket(out record) : TryReadNextPcapRecord(out record);
        if (ok) RecordsRead++;
        else _ended = true;
        return ok;
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        if (!_leaveOpen) _stream.Dispose();
    }

    // ---------------------------------------------------------------- file header

    private bool TryReadFileHeader(out CaptureError error)
    {
        const int MagicLength = 4;
        if (!TryFill(0, MagicLength, out int got) || got < MagicLength)
        {
            error = got < 0 ? CaptureError.IoError : CaptureError.NotACapture;
            return false;
        }
        uint magic = BinaryPrimitives.ReadUInt32LittleEndian(_buffer);
        if (magic == PcapNgBlock.SectionHeader)
        {
            Format = CaptureFormat.PcapNg;
            _prefetched = MagicLength;
            // The first block must be a well-formed SHB; a broken one means this is not pcapng after all.
            if (!TryReadBlock(out _, out int length, out error)) return false;
            if (!TryStartSection(_buffer.AsSpan(0, length), out error)) return false;
            return true;
        }
        if (!PcapFileHeader.IsMagic(magic))
        {
            error = CaptureError.NotACapture;
            return false;
        }
        if (!TryFill(MagicLength, PcapFileHeader.Length - MagicLength, out got) || got < PcapFileHeader.Length - MagicLength)
        {
            error = got < 0 ? CaptureError.IoError : CaptureError.Truncated;
            return false;
        }
        if (!PcapFileHeader.TryRead(_buffer, out _pcap, out error)) return false;
        _bigEndian = _pcap.BigEndian;
        Format = _pcap.Nanoseconds ? CaptureFormat.PcapNanoseconds : CaptureFormat.Pcap;
        LinkType = _pcap.LinkType;
        return true;
    }

    // ---------------------------------------------------------------- classic pcap

    private bool TryReadNextPcapRecord(out CaptureRecord record)
    {
        record = default;
        if (!TryFill(0, PcapRecordHeader.Length, out int got)) return Fail(CaptureError.IoError);
        if (got == 0) return false; // clean end
        if (got < PcapRecordHeader.Length) return Fail(CaptureError.Truncated);
        PcapRecordHeader.TryRead(_buffer, _bigEndian, out PcapRecordHeader header);
        if (header.CapturedLength > MaxRecordLength) return Fail(CaptureError.RecordTooLarge);
        int length = (int)header.CapturedLength;
        if (!TryEnsureCapacity(length, stillToRead: length)) return Fail(CaptureError.Truncated);
        if (!TryFill(0, length, out got)) return Fail(CaptureError.IoError);
        if (got < length) return Fail(CaptureError.Truncated);
        record = new CaptureRecord
        {
            Number = RecordsRead + 1,
            TimestampNanoseconds = header.ToNanoseconds(_pcap.Nanoseconds),
            LinkType = _pcap.LinkType,
            InterfaceIndex = 0,
            OriginalLength = (int)Math.Min(header.OriginalLength, int.MaxValue),
            Data = _buffer.AsSpan(0, length),
        };
        return true;
    }

    // ---------------------------------------------------------------- pcapng

    private bool TryReadNextBlockPacket(out CaptureRecord record)
    {
        record = default;
        // Each pass consumes one whole block (at least 12 octets) or ends the file.
        while (true)
        {
            if (!TryReadBlock(out uint type, out int length, out CaptureError error))
            {
                if (error != CaptureError.None) Fail(error);
                return false;
            }
            ReadOnlySpan<byte> block = _buffer.AsSpan(0, length);
            switch (type)
            {
                case PcapNgBlock.SectionHeader:
                    if (!TryStartSection(block, out error)) return Fail(error);
                    break;

                case PcapNgBlock.InterfaceDescription:
                    if (PcapNgInterface.TryRead(block, _bigEndian, out PcapNgInterface idb))
                    {
                        _interfaces.Add(idb);
                        if (LinkType == 0) LinkType = idb.LinkType;
                    }
                    else
                    {
                        // Keep the numbering of later interfaces; packets naming this one are dropped.
                        _interfaces.Add(new PcapNgInterface { LinkType = (LinkType)(-1) });
                        Count(CaptureError.BadBlock);
                    }
                    break;

                case PcapNgBlock.EnhancedPacket:
                    if (!PcapNgPacket.TryReadEnhanced(block, _bigEndian, out PcapNgPacket epb))
                    {
                        Count(CaptureError.BadBlock);
                        break;
                    }
                    if (TryMakeRecord(epb, out record)) return true;
                    break;

                case PcapNgBlock.SimplePacket:
                    int snap = _interfaces.Count > 0 ? _interfaces[0].SnapLength : 0;
                    if (!PcapNgPacket.TryReadSimple(block, _bigEndian, snap, out PcapNgPacket spb))
                    {
                        Count(CaptureError.BadBlock);
                        break;
                    }
                    if (TryMakeRecord(spb, out record)) return true;
                    break;

                default:
                    break; // statistics, name resolution, custom blocks...: not needed here
            }
        }
    }

    private bool TryMakeRecord(PcapNgPacket packet, out CaptureRecord record)
    {
        record = default;
        if ((uint)packet.InterfaceIndex >= (uint)_interfaces.Count || (int)_interfaces[packet.InterfaceIndex].LinkType < 0)
        {
            Count(CaptureError.UnknownInterface);
            return false;
        }
        PcapNgInterface idb = _interfaces[packet.InterfaceIndex];
        record = new CaptureRecord
        {
            Number = RecordsRead + 1,
            TimestampNanoseconds = idb.ToNanoseconds(packet.Timestamp),
            LinkType = idb.LinkType,
            InterfaceIndex = packet.InterfaceIndex,
            OriginalLength = Math.Max(packet.OriginalLength, packet.Data.Length),
            Data = packet.Data,
        };
        return true;
    }

    private bool TryStartSection(ReadOnlySpan<byte> block, out CaptureError error)
    {
        if (block.Length < PcapNgBlock.SectionHeaderMinLength)
        {
            error = CaptureError.BadBlock;
            return false;
        }
        if (Endian.ReadUInt16(block[PcapNgBlock.SectionMajorOffset..], _bigEndian) != PcapNgBlock.SupportedMajorVersion)
        {
            error = CaptureError.UnsupportedVersion;
            return false;
        }
        _interfaces.Clear();
        error = CaptureError.None;
        return true;
    }

    /// <summary>Reads one whole block into the start of the buffer. False with <see cref="CaptureError.None"/>
    /// at a clean end of file. A Section Header Block sets the byte order from its magic first.</summary>
    private bool TryReadBlock(out uint type, out int length, out CaptureError error)
    {
        type = 0;
        length = 0;
        int have = _prefetched;
        _prefetched = 0;
        if (!TryFill(have, PcapNgBlock.BodyOffset - have, out int got)) return Error(CaptureError.IoError, out error);
        if (have + got == 0) return Error(CaptureError.None, out error);
        if (have + got < PcapNgBlock.BodyOffset) return Error(CaptureError.Truncated, out error);

        int headerRead = PcapNgBlock.BodyOffset;
        type = Endian.ReadUInt32(_buffer, _bigEndian);
        if (type == PcapNgBlock.SectionHeader)
        {
            // The byte-order magic follows the length; it decides how to read the length itself.
            const int MagicEnd = PcapNgBlock.SectionByteOrderOffset + 4;
            if (!TryFill(headerRead, MagicEnd - headerRead, out got)) return Error(CaptureError.IoError, out error);
            if (got < MagicEnd - headerRead) return Error(CaptureError.Truncated, out error);
            uint magic = BinaryPrimitives.ReadUInt32LittleEndian(_buffer.AsSpan(PcapNgBlock.SectionByteOrderOffset));
            if (magic == PcapNgBlock.ByteOrderMagic) _bigEndian = false;
            else if (BinaryPrimitives.ReverseEndianness(magic) == PcapNgBlock.ByteOrderMagic) _bigEndian = true;
            else return Error(CaptureError.NotACapture, out error);
            headerRead = MagicEnd;
        }

        uint total = Endian.ReadUInt32(_buffer.AsSpan(PcapNgBlock.LengthOffset), _bigEndian);
        if (total < PcapNgBlock.Overhead || total % 4 != 0 || total > MaxBlockLength || total < headerRead + 4)
        {
            return Error(CaptureError.BadBlockLength, out error);
        }
        length = (int)total;
        if (!TryEnsureCapacity(length, stillToRead: length - headerRead)) return Error(CaptureError.Truncated, out error);
        if (!TryFill(headerRead, length - headerRead, out got)) return Error(CaptureError.IoError, out error);
        if (got < length - headerRead) return Error(CaptureError.Truncated, out error);
        if (Endian.ReadUInt32(_buffer.AsSpan(length - 4), _bigEndian) != total) return Error(CaptureError.BadBlockLength, out error);
        error = CaptureError.None;
        return true;
    }

    // ---------------------------------------------------------------- input

    /// <summary>Octets left in a seekable stream; unknown (max) otherwise.</summary>
    private long Remaining
    {
        get
        {
            try
            {
                return _stream.CanSeek ? Math.Max(0, _stream.Length - _stream.Position) : long.MaxValue;
            }
            catch (IOException)
            {
                return long.MaxValue;
            }
        }
    }

    /// <summary>Makes room for <paramref name="length"/> octets, keeping what the buffer holds. Grows
    /// rarely (a packet or block bigger than any before), and never when the rest of a seekable file
    /// cannot hold the <paramref name="stillToRead"/> octets, so a bogus length costs no memory; a
    /// short read catches the other truncations.</summary>
    private bool TryEnsureCapacity(int length, int stillToRead)
    {
        if (_buffer.Length >= length) return true;
        if (stillToRead > Remaining) return false;
        Array.Resize(ref _buffer, Math.Max(length, Math.Min(_buffer.Length * 2, MaxBlockLength)));
        return true;
    }

    /// <summary>Reads up to <paramref name="count"/> octets into the buffer at <paramref name="offset"/>;
    /// <paramref name="got"/> is short only at the end of the stream. False (got = -1) on an I/O error.</summary>
    private bool TryFill(int offset, int count, out int got)
    {
        try
        {
            got = count == 0 ? 0 : _stream.ReadAtLeast(_buffer.AsSpan(offset, count), count, throwOnEndOfStream: false);
            return true;
        }
        catch (IOException)
        {
            got = -1;
            return false;
        }
        catch (ObjectDisposedException)
        {
            got = -1;
            return false;
        }
        catch (NotSupportedException)
        {
            got = -1;
            return false;
        }
    }

    private void Count(CaptureError error)
    {
        ErrorCount++;
        LastError = error;
    }

    private bool Fail(CaptureError error)
    {
        Count(error);
        return false;
    }

    private static bool Error(CaptureError value, out CaptureError error)
    {
        error = value;
        return false;
    }
}

using System.Buffers.Binary;

namespace Net80211.Frames;

/// <summary>A list of 4-octet suite selectors, as in the Pairwise Cipher Suite List and AKM Suite
/// List of the RSN and WPA elements. Values are OUI-then-type, see <see cref="CipherSuite"/>.</summary>
/// <remarks>A list read from a frame is a view over the frame's octets; one built for writing wraps
/// the caller's values. Either way nothing is copied.</remarks>
public readonly ref struct SuiteList
{
    public const int SelectorLength = 4;
    /// <summary>No element can hold more: 255 octets / 4.</summary>
    public const int MaxCount = 63;

    private readonly ReadOnlySpan<byte> _wire;
    private readonly ReadOnlySpan<uint> _values;
    private readonly bool _fromWire;

    /// <exception cref="ArgumentException">More than <see cref="MaxCount"/> selectors.</exception>
    public SuiteList(ReadOnlySpan<uint> selectors)
    {
        if (selectors.Length > MaxCount) throw new ArgumentException($"At most {MaxCount} suite selectors fit in an element.", nameof(selectors));
        _values = selectors;
    }

    private SuiteList(ReadOnlySpan<byte> wire)
    {
        _wire = wire;
        _fromWire = true;
    }

    /// <summary>A view over <paramref name="selectors"/>.Length / 4 selectors as they appear on the air.</summary>
    /// <exception cref="ArgumentException">The length is not a multiple of 4.</exception>
    public static SuiteList FromWire(ReadOnlySpan<byte> selectors)
    {
        if (selectors.Length % SelectorLength != 0) throw new ArgumentException("Suite selectors are 4 octets each.", nameof(selectors));
        return new SuiteList(selectors);
    }

    public int Count => _fromWire ? _wire.Length / SelectorLength : _values.Length;

    public bool IsEmpty => Count == 0;

    /// <summary>Selector <paramref name="index"/> as OUI-then-type.</summary>
    public uint this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Count) throw new ArgumentOutOfRangeException(nameof(index));
            return _fromWire ? BinaryPrimitives.ReadUInt32BigEndian(_wire[(index * SelectorLength)..]) : _values[index];
        }
    }

    public bool Contains(uint selector)
    {
        for (int i = 0; i < Count; i++)
        {
            if (this[i] == selector) return true;
        }
        return false;
    }

    public bool Contains(CipherSuite cipher) => Contains((uint)cipher);
    public bool Contains(AkmSuite akm) => Contains((uint)akm);

    /// <summary>Octets the list occupies, without its count field.</summary>
    public int EncodedLength => Count * SelectorLength;

    public Enumerator GetEnumerator() => new(this);

    /// <summary>Reads "count (LE16) + count * selector" from the start of <paramref name="source"/>.</summary>
    internal static bool TryReadCounted(ReadOnlySpan<byte> source, out SuiteList list, out int consumed)
    {
        list = default;
        consumed = 0;
        if (source.Length < 2) return false;
        int count = BinaryPrimitives.ReadUInt16LittleEndian(source);
        // Compare in long: a count of 65535 must not overflow into a small length.
        if ((long)count * SelectorLength > source.Length - 2) return false;
        consumed = 2 + count * SelectorLength;
        list = new SuiteList(source[2..consumed]);
        return true;
    }

    /// <summary>Writes "count (LE16) + selectors"; the caller has sized <paramref name="destination"/>.</summary>
    internal int WriteCounted(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(destination, (ushort)Count);
        for (int i = 0; i < Count; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(destination[(2 + i * SelectorLength)..], this[i]);
        }
        return 2 + EncodedLength;
    }

    public ref struct Enumerator
    {
        private readonly SuiteList _list;
        private int _index;

        internal Enumerator(SuiteList list)
        {
            _list = list;
            _index = -1;
        }

        public readonly uint Current => _list[_index];

        public bool MoveNext() => ++_index < _list.Count;
    }
}

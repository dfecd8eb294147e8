using System.Buffers.Binary;

namespace Net80211.Frames;

/// <summary>Body of an Authentication frame (IEEE 802.11-2020 9.3.3.12).</summary>
/// <remarks>
/// <code>
///  octets:      2                2               2            variable
///        +---------------+----------------+-------------+------------------------+
///        | Auth Algorithm| Auth Transaction| Status Code | Algorithm-dependent    |
///        | Number        | Sequence Number |             | fields and elements    |
///        +---------------+----------------+-------------+------------------------+
///  offset      0                2               4              6
/// </code>
/// For Open System and Shared Key what follows is elements (Challenge Text in Shared Key frames 2
/// and 3) and its framing is checked. SAE, FT and FILS put their own fixed fields first (scalar,
/// finite field element, ...), so for them <see cref="Elements"/> is handed back unchecked.
/// </remarks>
public readonly ref struct AuthenticationFrame
{
    public const int FixedLength = 6;

    private const int AlgorithmOffset = 0;
    private const int TransactionSequenceOffset = 2;
    private const int StatusCodeOffset = 4;

    public AuthenticationAlgorithm Algorithm { get; init; }
    public ushort TransactionSequence { get; init; }
    public StatusCode StatusCode { get; init; }
    /// <summary>Everything after the fixed fields; elements for Open System and Shared Key.</summary>
    public ReadOnlySpan<byte> Elements { get; init; }

    public static bool TryRead(ReadOnlySpan<byte> body, out AuthenticationFrame auth, out FrameParseError error)
    {
        auth = default;
        if (body.Length < FixedLength)
        {
            error = FrameParseError.TooShort;
            return false;
        }
        var algorithm = (AuthenticationAlgorithm)BinaryPrimitives.ReadUInt16LittleEndian(body[AlgorithmOffset..]);
        ReadOnlySpan<byte> rest = body[FixedLength..];
        if (algorithm is AuthenticationAlgorithm.OpenSystem or AuthenticationAlgorithm.SharedKey)
        {
            error = IeReader.Validate(rest);
            if (error != FrameParseError.None) return false;
        }
        auth = new AuthenticationFrame
        {
            Algorithm = algorithm,
            TransactionSequence = BinaryPrimitives.ReadUInt16LittleEndian(body[TransactionSequenceOffset..]),
            StatusCode = (StatusCode)BinaryPrimitives.ReadUInt16LittleEndian(body[StatusCodeOffset..]),
            Elements = rest,
        };
        error = FrameParseError.None;
        return true;
    }

    public bool TryWrite(Span<byte> destination, out int bytesWritten)
    {
        if (!ManagementBody.TryReserve(destination, FixedLength, Elements, out bytesWritten)) return false;
        BinaryPrimitives.WriteUInt16LittleEndian(destination[AlgorithmOffset..], (ushort)Algorithm);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[TransactionSequenceOffset..], TransactionSequence);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[StatusCodeOffset..], (ushort)StatusCode);
        return true;
    }
}

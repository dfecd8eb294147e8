using System.Buffers.Binary;

namespace Net80211.Crypto.Rsn;

/// <summary>An EAPOL-Key frame: the EAPOL header (IEEE 802.1X-2020 11.3) and the EAPOL-Key body of
/// IEEE 802.11-2020 12.7.2, Figure 12-32. A frame read from the air is a view over its octets; one built
/// for writing wraps the caller's spans.</summary>
/// <remarks>
/// <code>
///  octets: 1     1     2        1     2       2       8        32     16     8     8       n      2       m
///        +-----+-----+------+------+------+-------+--------+------+------+-----+--------+-----+--------+--------+
///        |Proto|Type |Body  |Descr.|Key   |Key    |Replay  |Key   |EAPOL-|Key  |Reserved|Key  |Key Data|Key Data|
///        |Ver. | (3) |Length|Type  |Info  |Length |Counter |Nonce |Key IV|RSC  |        |MIC  |Length  |        |
///        +-----+-----+------+------+------+-------+--------+------+------+-----+--------+-----+--------+--------+
/// </code>
/// Multi-octet fields are big-endian except Key RSC, which holds the PN/TSC least significant octet first.
/// The MIC is 16 octets for every AKM built here (n is a parameter of <see cref="TryRead(ReadOnlySpan{byte}, int, out EapolKeyFrame, out EapolKeyError)"/>).
/// Octets after the Packet Body Length (padding of a short Ethernet frame) are not part of the frame.
/// </remarks>
public readonly ref struct EapolKeyFrame
{
    public const byte PacketTypeKey = 3;
    public const byte DescriptorTypeRsn = 2;
    public const byte DescriptorTypeWpa = 254;
    public const int EapolHeaderLength = 4;
    public const int DefaultMicLength = 16;
    public const int NonceLength = 32;
    public const int IvLength = 16;
    public const int RscLength = 8;

    private const int DescriptorOffset = EapolHeaderLength;
    private const int InfoOffset = DescriptorOffset + 1;
    private const int KeyLengthOffset = InfoOffset + 2;
    private const int ReplayOffset = KeyLengthOffset + 2;
    private const int NonceOffset = ReplayOffset + 8;
    private const int IvOffset = NonceOffset + NonceLength;
    private const int RscOffset = IvOffset + IvLength;
    private const int ReservedOffset = RscOffset + RscLength;
    /// <summary>Offset of the Key MIC from the start of the PDU.</summary>
    public const int MicOffset = ReservedOffset + 8;

    /// <summary>PDU octets before the Key Data with a MIC of <paramref name="micLength"/> octets.</summary>
    public static int FixedLength(int micLength) => MicOffset + micLength + 2;

    public byte ProtocolVersion { get; init; }
    public byte DescriptorType { get; init; }
    public KeyInformation Info { get; init; }
    public ushort KeyLength { get; init; }
    public ulong ReplayCounter { get; init; }
    /// <summary>32 octets (empty when writing means zeros).</summary>
    public ReadOnlySpan<byte> Nonce { get; init; }
    /// <summary>16 octets (empty when writing means zeros).</summary>
    public ReadOnlySpan<byte> Iv { get; init; }
    /// <summary>Key RSC as a number (octet 0 least significant).</summary>
    public ulong Rsc { get; init; }
    /// <summary>The MIC as received; when writing, zeros of <see cref="MicLength"/> octets are written (sign afterwards with <see cref="EapolKeyMic"/>).</summary>
    public ReadOnlySpan<byte> Mic { get; init; }
    /// <summary>MIC length; 0 means <see cref="DefaultMicLength"/>.</summary>
    public int MicLength { get; init; }
    public ReadOnlySpan<byte> KeyData { get; init; }
    /// <summary>The PDU as read, from Protocol Version to the end of Key Data (what the MIC covers).</summary>
    public ReadOnlySpan<byte> Pdu { get; init; }

    public KeyDescriptorVersion Version => (KeyDescriptorVersion)(Info & KeyInformation.VersionMask);
    public bool IsPairwise => (Info & KeyInformation.Pairwise) != 0;
    public bool Has(KeyInformation bits) => (Info & bits) == bits;
    /// <summary>WPA1 group messages: the key index in bits 4..5.</summary>
    public int WpaKeyIndex => ((ushort)Info >> 4) & 3;
    private int EffectiveMicLength => MicLength == 0 ? DefaultMicLength : MicLength;

    public static bool TryRead(ReadOnlySpan<byte> eapolPdu, out EapolKeyFrame frame, out EapolKeyError error)
        => TryRead(eapolPdu, DefaultMicLength, out frame, out error);

    /// <summary>Parses an EAPOL PDU (from Protocol Version on, no LLC). False with the reason, never an exception.</summary>
    public static bool TryRead(ReadOnlySpan<byte> eapolPdu, int micLength, out EapolKeyFrame frame, out EapolKeyError error)
    {
        frame = default;
        if (eapolPdu.Length < EapolHeaderLength) return Fail(EapolKeyError.TooShort, out error);
        if (eapolPdu[0] is 0 or > 3) return Fail(EapolKeyError.BadProtocolVersion, out error);
        if (eapolPdu[1] != PacketTypeKey) return Fail(EapolKeyError.NotEapolKey, out error);
        int bodyLength = BinaryPrimitives.ReadUInt16BigEndian(eapolPdu[2..]);
        if (bodyLength > eapolPdu.Length - EapolHeaderLength) return Fail(EapolKeyError.BodyPastEnd, out error);
        ReadOnlySpan<byte> pdu = eapolPdu[..(EapolHeaderLength + bodyLength)];
        if (pdu.Length <= DescriptorOffset) return Fail(EapolKeyError.TooShort, out error);
        if (pdu[DescriptorOffset] is not (DescriptorTypeRsn or DescriptorTypeWpa)) return Fail(EapolKeyError.BadDescriptorType, out error);
        if (micLength < 0 || pdu.Length < FixedLength(micLength)) return Fail(EapolKeyError.TooShort, out error);
        int keyDataLengthOffset = MicOffset + micLength;
        int keyDataLength = BinaryPrimitives.ReadUInt16BigEndian(pdu[keyDataLengthOffset..]);
        int keyDataOffset = keyDataLengthOffset + 2;
        if (keyDataLength > pdu.Length - keyDataOffset) return Fail(EapolKeyError.KeyDataPastEnd, out error);

        frame = new EapolKeyFrame
        {
            ProtocolVersion = pdu[0],
            DescriptorType = pdu[DescriptorOffset],
            Info = (KeyInformation)BinaryPrimitives.ReadUInt16BigEndian(pdu[InfoOffset..]),
            KeyLength = BinaryPrimitives.ReadUInt16BigEndian(pdu[KeyLengthOffset..]),
            ReplayCounter = BinaryPrimitives.ReadUInt64BigEndian(pdu[ReplayOffset..]),
            Nonce = pdu.Slice(NonceOffset, NonceLength),
            Iv = pdu.Slice(IvOffset, IvLength),
            Rsc = BinaryPrimitives.ReadUInt64LittleEndian(pdu[RscOffset..]),
            Mic = pdu.Slice(MicOffset, micLength),
            MicLength = micLength,
            KeyData = pdu.Slice(keyDataOffset, keyDataLength),
            Pdu = pdu[..(keyDataOffset + keyDataLength)],
        };
        error = EapolKeyError.None;
        return true;
    }

    /// <summary>Octets <see cref="TryWrite"/> produces.</summary>
    public int Length => FixedLength(EffectiveMicLength) + KeyData.Length;

    /// <summary>Writes the frame, MIC zeroed unless <see cref="Mic"/> is set.</summary>
    /// <exception cref="ArgumentException">Nonce, IV or MIC of the wrong length, or a body over 65535 octets.</exception>
    public bool TryWrite(Span<byte> destination, out int bytesWritten)
    {
        bytesWritten = 0;
        int micLength = EffectiveMicLength;
        if (!Nonce.IsEmpty && Nonce.Length != NonceLength) throw new ArgumentException("The Key Nonce is 32 octets.");
        if (!Iv.IsEmpty && Iv.Length != IvLength) throw new ArgumentException("The EAPOL-Key IV is 16 octets.");
        if (!Mic.IsEmpty && Mic.Length != micLength) throw new ArgumentException("The MIC does not have MicLength octets.");
        int length = Length;
        if (length - EapolHeaderLength > ushort.MaxValue) throw new ArgumentException("EAPOL-Key body over 65535 octets.");
        if (destination.Length < length) return false;
        Span<byte> pdu = destination[..length];
        pdu.Clear();
        pdu[0] = ProtocolVersion;
        pdu[1] = PacketTypeKey;
        BinaryPrimitives.WriteUInt16BigEndian(pdu[2..], (ushort)(length - EapolHeaderLength));
        pdu[DescriptorOffset] = DescriptorType;
        BinaryPrimitives.WriteUInt16BigEndian(pdu[InfoOffset..], (ushort)Info);
        BinaryPrimitives.WriteUInt16BigEndian(pdu[KeyLengthOffset..], KeyLength);
        BinaryPrimitives.WriteUInt64BigEndian(pdu[ReplayOffset..], ReplayCounter);
        Nonce.CopyTo(pdu[NonceOffset..]);
        Iv.CopyTo(pdu[IvOffset..]);
        BinaryPrimitives.WriteUInt64LittleEndian(pdu[RscOffset..], Rsc);
        Mic.CopyTo(pdu[MicOffset..]);
        BinaryPrimitives.WriteUInt16BigEndian(pdu[(MicOffset + micLength)..], (ushort)KeyData.Length);
        KeyData.CopyTo(pdu[(MicOffset + micLength + 2)..]);
        bytesWritten = length;
        return true;
    }

    public byte[] ToArray()
    {
        var bytes = new byte[Length];
        TryWrite(bytes, out _);
        return bytes;
    }

    private static bool Fail(EapolKeyError reason, out EapolKeyError error)
    {
        error = reason;
        return false;
    }
}

using System.Buffers.Binary;

namespace Net80211.Frames;

/// <summary>One AC Parameter Record of the WMM Parameter element (WMM spec 2.2.2; same layout as
/// IEEE 802.11-2020 9.4.2.28 Figure 9-200).</summary>
/// <remarks>
/// <code>
///  octet 0 (ACI/AIFSN):  B0-B3 AIFSN   B4 ACM   B5-B6 ACI   B7 reserved
///  octet 1 (ECW):        B0-B3 ECWmin  B4-B7 ECWmax          (CW = 2^ECW - 1)
///  octets 2-3:           TXOP Limit, little-endian, units of 32 µs (0 = one MSDU)
/// </code>
/// </remarks>
public readonly record struct WmmAcParameters(byte AciAifsn, byte EcwMinMax, ushort TxopLimit)
{
    public const int Length = 4;

    public static WmmAcParameters Create(AccessCategory aci, int aifsn, int ecwMin, int ecwMax, ushort txopLimit, bool admissionControlMandatory = false)
        => new((byte)((aifsn & 0xF) | (admissionControlMandatory ? 0x10 : 0) | (((int)aci & 0x3) << 5)),
            (byte)((ecwMin & 0xF) | ((ecwMax & 0xF) << 4)),
            txopLimit);

    public int Aifsn => AciAifsn & 0xF;
    public bool AdmissionControlMandatory => (AciAifsn & 0x10) != 0;
    public AccessCategory Aci => (AccessCategory)((AciAifsn >> 5) & 0x3);
    public int EcwMin => EcwMinMax & 0xF;
    public int EcwMax => EcwMinMax >> 4;
    public int CwMin => (1 << EcwMin) - 1;
    public int CwMax => (1 << EcwMax) - 1;
    public int TxopLimitMicroseconds => TxopLimit * 32;

    internal static WmmAcParameters Read(ReadOnlySpan<byte> source)
        => new(source[0], source[1], BinaryPrimitives.ReadUInt16LittleEndian(source[2..]));

    internal void WriteTo(Span<byte> destination)
    {
        destination[0] = AciAifsn;
        destination[1] = EcwMinMax;
        BinaryPrimitives.WriteUInt16LittleEndian(destination[2..], TxopLimit);
    }
}

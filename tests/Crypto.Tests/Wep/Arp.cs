namespace Crypto.Tests.Wep;

/// <summary>An LLC/SNAP-encapsulated ARP packet (RFC 1042 + RFC 826) for IPv4 over Ethernet addresses.</summary>
internal readonly record struct Arp(int Operation, string SenderHardware, string SenderIp, string TargetHardware, string TargetIp)
{
    private static ReadOnlySpan<byte> SnapArp => [0xAA, 0xAA, 0x03, 0x00, 0x00, 0x00, 0x08, 0x06];
    private const int ArpOffset = 8;
    private const int ArpLength = 28;

    public static bool IsArp(ReadOnlySpan<byte> msdu) => msdu.Length >= ArpOffset + ArpLength && msdu.StartsWith(SnapArp);

    public static Arp Parse(ReadOnlySpan<byte> msdu)
    {
        if (!IsArp(msdu)) throw new FormatException("not LLC/SNAP ARP");
        ReadOnlySpan<byte> a = msdu.Slice(ArpOffset, ArpLength);
        return new Arp(a[6] << 8 | a[7], Mac(a.Slice(8, 6)), Ip(a.Slice(14, 4)), Mac(a.Slice(18, 6)), Ip(a.Slice(24, 4)));
    }

    private static string Mac(ReadOnlySpan<byte> b) => string.Join(':', b.ToArray().Select(x => x.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
    private static string Ip(ReadOnlySpan<byte> b) => $"{b[0]}.{b[1]}.{b[2]}.{b[3]}";
}

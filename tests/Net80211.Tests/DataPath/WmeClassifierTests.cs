using Net80211.DataPath;
using Net80211.Frames;
using static Net80211.Tests.DataPath.DataPathWorld;

namespace Net80211.Tests.DataPath;

public class WmeClassifierTests
{
    [Theory]
    [InlineData(0x00, 0)]   // CS0 / best effort
    [InlineData(0x20, 1)]   // CS1 (DSCP 8)
    [InlineData(0x28, 1)]   // AF11 (DSCP 10)
    [InlineData(0x68, 3)]   // AF31 (DSCP 26)
    [InlineData(0x88, 4)]   // AF41 (DSCP 34)
    [InlineData(0xB8, 5)]   // EF (DSCP 46)
    [InlineData(0xC0, 6)]   // CS6 (DSCP 48)
    [InlineData(0xE0, 7)]   // CS7 (DSCP 56)
    [InlineData(0xB9, 5)]   // ECN bits are ignored
    public void Ipv4_priority_is_the_dscp_precedence(byte dsField, int up)
        => Assert.Equal(up, WmeClassifier.Classify(Ipv4(Remote, Host, dsField)));

    [Theory]
    [InlineData(0x00, 0)]
    [InlineData(0xB8, 5)]
    [InlineData(0xE0, 7)]
    [InlineData(0x20, 1)]
    public void Ipv6_priority_is_the_traffic_class_precedence(byte trafficClass, int up)
    {
        var frame = Ethernet(Remote, Host, EthernetHeader.EtherTypeIPv6, 40);
        frame[14] = (byte)(0x60 | (trafficClass >> 4));
        frame[15] = (byte)((trafficClass << 4) | 0x0A);   // low nibble: flow label bits
        Assert.Equal(up, WmeClassifier.Classify(frame));
    }

    [Theory]
    [InlineData(EthernetHeader.EtherTypeVlan)]
    [InlineData(EthernetHeader.EtherTypeQinQ)]
    public void Vlan_pcp_wins(ushort tagType)
    {
        for (int pcp = 0; pcp < 8; pcp++)
        {
            var frame = Ethernet(Remote, Host, tagType, 46);
            frame[14] = (byte)((pcp << 5) | 0x10 | 0x0F);   // PCP, DEI, VID high bits
            frame[15] = 0xFF;
            frame[16] = 0x08; frame[17] = 0x00; frame[18] = 0x45; frame[19] = 0xE0;  // inner IPv4 CS7 is not looked at
            Assert.Equal(pcp, WmeClassifier.Classify(frame));
        }
    }

    [Fact]
    public void Everything_else_is_best_effort()
    {
        Assert.Equal(0, WmeClassifier.Classify([]));
        Assert.Equal(0, WmeClassifier.Classify(new byte[13]));
        Assert.Equal(0, WmeClassifier.Classify(Ethernet(Remote, Host, 0x0806, 28)));                 // ARP
        Assert.Equal(0, WmeClassifier.Classify(Ethernet(Remote, Host, EthernetHeader.EtherTypeIPv4, 1)));  // truncated
        Assert.Equal(0, WmeClassifier.Classify(Ethernet(Remote, Host, EthernetHeader.EtherTypeVlan, 1)));
        Assert.Equal(0, WmeClassifier.Classify(Ethernet(Remote, Host, EthernetHeader.EtherTypeIPv6, 1)));
        var notV4 = Ipv4(Remote, Host, 0xE0);
        notV4[14] = 0x65;
        Assert.Equal(0, WmeClassifier.Classify(notV4));
        Assert.Equal(0, WmeClassifier.Classify(Llc8023(Remote, Host, 40)));
    }

    [Fact]
    public void Table_10_1_maps_user_priority_to_access_category()
    {
        AccessCategory[] expected =
        [
            AccessCategory.BestEffort, AccessCategory.Background, AccessCategory.Background, AccessCategory.BestEffort,
            AccessCategory.Video, AccessCategory.Video, AccessCategory.Voice, AccessCategory.Voice,
        ];
        for (int up = 0; up < 8; up++)
        {
            Assert.Equal(expected[up], WmeClassifier.UpToAccessCategory(up));
            Assert.Equal(up, WmeClassifier.UpToTid(up));
            Assert.Equal(expected[up], WmeClassifier.UpToAccessCategory(WmeClassifier.AccessCategoryToTid(expected[up])));
        }
        Assert.Equal(0, WmeClassifier.AccessCategoryToTid(AccessCategory.BestEffort));
        Assert.Equal(1, WmeClassifier.AccessCategoryToTid(AccessCategory.Background));
        Assert.Equal(5, WmeClassifier.AccessCategoryToTid(AccessCategory.Video));
        Assert.Equal(7, WmeClassifier.AccessCategoryToTid(AccessCategory.Voice));
    }
}

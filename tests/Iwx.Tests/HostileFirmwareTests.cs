using System.Buffers.Binary;
using Net80211.RadioDrivers.Iwx.Hardware;
using Net80211.StateMachine;

namespace Iwx.Tests;

/// <summary>A firmware that writes garbage into the RX ring: every packet is counted and dropped or harmlessly
/// ignored; nothing throws, nothing hangs, the link stays up and traffic still flows.</summary>
public class HostileFirmwareTests
{
    private static readonly IwxCommandId[] Ids =
    [
        IwxCommandId.RxMpdu, IwxCommandId.TxCmd, IwxCommandId.Alive, IwxCommandId.ScanCompleteUmac,
        IwxCommandId.MissedBeacons, IwxCommandId.ReplyError, IwxCommandId.NvmGetInfo, IwxCommandId.AddSta,
        new(0x7, 0x77),
    ];

    [Fact]
    public void Three_thousand_malformed_rx_packets_are_survived()
    {
        var w = new IwxWorld(seed: 5);
        var ap = w.HostAp("net80211");
        var sta = w.Station("net80211");
        Assert.True(w.RunUntil(() => sta.State == Ieee80211State.Run, 15));
        w.RunFor(0.2);
        long malformedBefore = w.Driver.RxMalformed, unknownBefore = w.Driver.UnknownNotifications;
        long strayBefore = w.Driver.TxStrayResponses, unsolicitedBefore = w.Driver.UnsolicitedResponses;

        var random = new Random(1234);
        int delivered = 0;
        var packet = new byte[IwxRxBufferDescriptors.BufferSize];
        for (int i = 0; i < 3000; i++)
        {
            int length = Fill(random, packet);
            if (w.Device.Faults.InjectRxPacket(packet.AsSpan(0, length))) delivered++;
            if (i % 8 == 7) w.RunFor(0.001);   // let the driver drain the ring now and then
        }
        w.RunFor(0.5);

        Assert.True(delivered > 2500, $"{delivered} delivered");
        long counted = (w.Driver.RxMalformed - malformedBefore) + (w.Driver.UnknownNotifications - unknownBefore)
                       + (w.Driver.TxStrayResponses - strayBefore) + (w.Driver.UnsolicitedResponses - unsolicitedBefore);
        Assert.True(counted > 1000, $"only {counted} of {delivered} garbage packets were counted as such");
        Assert.Equal(Ieee80211State.Run, sta.State);
        Assert.Equal(0, w.Driver.FirmwareErrors);

        // The link still carries data both ways.
        var atAp = IwxWorld.Capture(ap);
        var atSta = IwxWorld.Capture(sta);
        for (int i = 0; i < 5; i++)
        {
            w.Send(sta, ap.MacAddress, 300, (byte)i);
            w.Send(ap, sta.MacAddress, 300, (byte)i);
        }
        w.RunFor(0.3);
        Assert.Equal(5, atAp.Count);
        Assert.Equal(5, atSta.Count);
        w.AssertTxAccounting();
    }

    /// <summary>One hostile packet: pure noise, or a plausible header with a lying length or a truncated,
    /// random payload for an id the driver handles.</summary>
    private static int Fill(Random random, byte[] packet)
    {
        int kind = random.Next(4);
        int length = kind == 0 ? random.Next(0, 64) : random.Next(IwxRxPacketHeader.Size, 600);
        random.NextBytes(packet.AsSpan(0, length));
        if (kind == 0 || length < IwxRxPacketHeader.Size) return length;
        var id = Ids[random.Next(Ids.Length)];
        ushort sequence = kind switch
        {
            1 => IwxRxPacketHeader.NotificationSequence,
            2 => (ushort)random.Next(0, 32),                          // a command-queue answer
            _ => (ushort)(random.Next(1, 8) << 8 | random.Next(256)), // a TX response for some data queue
        };
        int claimed = random.Next(3) == 0 ? random.Next(0, 0x3fff) : length;   // a third lie about their length
        var header = IwxRxPacketHeader.For(id, sequence, Math.Max(0, claimed - IwxRxPacketHeader.Size), (byte)random.Next(256));
        header.TryWrite(packet);
        return length;
    }
}

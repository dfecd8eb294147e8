using Net80211.Crypto.Wep;
using Net80211.Packets;
using Net80211.Security;

namespace Crypto.Tests.Wep;

public class WepAllocationTests
{
    private const int Cycles = 10_000;

    [Fact]
    public void EncapDecapAllocatesNothing()
    {
        var pool = new PacketPool();
        var key = new WepKey(new WepCipher(), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13], 1, CipherKeyFlags.Transmit | CipherKeyFlags.Receive);
        Packet frame = LegacyTestFrames.Data(pool, LegacyTestFrames.Body(1500));
        int length = frame.Length;

        Cycle(key, frame, 100);   // warm-up: JIT, tiered compilation, static tables
        long before = GC.GetAllocatedBytesForCurrentThread();
        int failures = Cycle(key, frame, Cycles);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, failures);
        Assert.Equal(length, frame.Length);
        Assert.Equal(0, allocated);
        frame.Free();
    }

    private static int Cycle(WepKey key, Packet frame, int count)
    {
        int failures = 0;
        for (int i = 0; i < count; i++)
        {
            if (!key.Encapsulate(frame, 24)) failures++;
            if (key.Decapsulate(frame, 24, 16) != CipherResult.Ok) failures++;
        }
        return failures;
    }
}

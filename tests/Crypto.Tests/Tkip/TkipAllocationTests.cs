using Crypto.Tests.Wep;
using Net80211.Crypto.Tkip;
using Net80211.Packets;
using Net80211.Security;

namespace Crypto.Tests.Tkip;

public class TkipAllocationTests
{
    private const int Cycles = 10_000;

    /// <summary>MSDU MIC, encapsulation, decapsulation and MIC check, 10,000 times: no allocation.</summary>
    [Fact]
    public void EncapDecapAllocatesNothing()
    {
        var pool = new PacketPool();
        byte[] tk = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];
        var cipher = new TkipCipher();
        var ap = new TkipKey(cipher, tk, 0, CipherKeyFlags.Pairwise, TkipRole.Authenticator);
        var sta = new TkipKey(cipher, tk, 0, CipherKeyFlags.Pairwise, TkipRole.Supplicant);
        Packet frame = LegacyTestFrames.Data(pool, LegacyTestFrames.Body(1500), fromAp: true, tid: 3);
        int length = frame.Length;

        Cycle(ap, sta, frame, 100);   // warm-up
        long before = GC.GetAllocatedBytesForCurrentThread();
        int failures = Cycle(ap, sta, frame, Cycles);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, failures);
        Assert.Equal(length, frame.Length);
        Assert.Equal((ulong)Cycles + 101, ap.TransmitCounter);
        Assert.Equal(0, allocated);
        frame.Free();
    }

    private static int Cycle(TkipKey tx, TkipKey rx, Packet frame, int count)
    {
        int failures = 0;
        for (int i = 0; i < count; i++)
        {
            if (!tx.AddMsduMic(frame, 26)) failures++;
            if (!tx.Encapsulate(frame, 26)) failures++;
            if (rx.Decapsulate(frame, 26, 3) != CipherResult.Ok) failures++;
            if (rx.VerifyMsduMic(frame, 26) != CipherResult.Ok) failures++;
        }
        return failures;
    }
}

using Net80211.RadioDrivers.Air;
using Xunit.Abstractions;

namespace RadioDrivers.Tests.Air;

public class AllocationTests(ITestOutputHelper output)
{
    [Fact]
    public void Steady_state_contention_allocates_nothing_per_frame()
    {
        var h = new AirHarness(seed: 4, new MediumOptions { FadingSigmaDb = 1 });
        var ap = h.Add("ap", 2412);
        var s1 = h.Add("s1", 2412, new Position(5, 0));
        var s2 = h.Add("s2", 2412, new Position(0, 5));
        var desc = new TxDescriptor(new RateChain(108, 2, 22, 2));
        s1.Saturate(ap.Address, 1500, desc);
        s2.Saturate(ap.Address, 1500, desc);
        long frames = 0;
        h.Medium.FrameOnAir += (in AirFrameEvent e) => frames++;

        h.Run(TimeSpan.FromMilliseconds(200)); // warm up pools, queues and the scheduler's heap
        long before = GC.GetAllocatedBytesForCurrentThread();
        long framesBefore = frames;
        h.Run(TimeSpan.FromMilliseconds(500));
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        long n = frames - framesBefore;
        output.WriteLine($"{allocated} bytes over {n} transmissions");
        Assert.True(n > 1000);
        Assert.True(allocated < 1024, $"{allocated} bytes allocated over {n} transmissions");
        h.FinishAndCheckLeaks();
    }
}

using BenchmarkDotNet.Attributes;
using Net80211.Packets;

namespace Net80211.Benchmarks;

/// <summary>Renting a packet from the pool against allocating a fresh buffer for every frame.</summary>
[MemoryDiagnoser]
public class PacketPoolBenchmarks
{
    private readonly PacketPool _pool = new();
    private readonly byte[] _payload = new byte[1500];

    [Benchmark(Baseline = true)]
    public int AllocatePerFrame()
    {
        var buffer = new byte[PacketPool.DefaultBufferSize];
        _payload.CopyTo(buffer, PacketPool.DefaultHeadroom);
        buffer[PacketPool.DefaultHeadroom - 1] = 1;
        return buffer.Length;
    }

    [Benchmark]
    public int RentPrependFree()
    {
        var p = _pool.Rent(_payload);
        p.Prepend(24)[0] = 0x08;
        int n = p.Length;
        p.Free();
        return n;
    }
}

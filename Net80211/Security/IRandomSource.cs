using System.Security.Cryptography;
using Net80211.Scheduling;

namespace Net80211.Security;

/// <summary>
/// Where nonces, GTKs and IVs come from: a CSPRNG in real use, a seeded stream in a simulation so that a
/// scenario (and its capture) is the same on every run.
/// </summary>
public interface IRandomSource
{
    void Fill(Span<byte> buffer);
}

/// <summary>The operating system's cryptographic random number generator.</summary>
public sealed class CryptoRandomSource : IRandomSource
{
    public static CryptoRandomSource Instance { get; } = new();
    public void Fill(Span<byte> buffer) => RandomNumberGenerator.Fill(buffer);
}

/// <summary>A seeded, reproducible source for simulations and tests. Not secret: never for real keys.</summary>
public sealed class DeterministicRandomSource(DeterministicRandom random) : IRandomSource
{
    public void Fill(Span<byte> buffer) => random.NextBytes(buffer);
}

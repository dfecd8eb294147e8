using BenchmarkDotNet.Running;

namespace Net80211.Benchmarks;

/// <summary>Runs the benchmarks: <c>dotnet run -c Release --project tests/Net80211.Benchmarks -- --filter '*'</c>.
/// Each class marks one method as the baseline, so results are ratios measured in the same run.</summary>
internal static class Program
{
    private static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}

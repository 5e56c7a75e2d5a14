using System.Globalization;

namespace AeSweep.Benchmarks.Training;

/// <summary>
/// Usage: table [--reference ../shared/reference/pytorch_ae.py] [--threads 2] [--repeats 3] [--omp-wait passive|active]
///        aesweep|bare dense|conv EPOCHS THREADS [LIMIT]   (one way, one JSON line; used by table as child processes)
///        reuse dense|conv EPOCHS THREADS TRIALS [LIMIT]   (trials back to back in one process: what a worker reuses)
///        gpu [--device cuda:0] [--models dense,conv] [--packs 4,8,16] [--epochs 3] [--samples 20000] [--out FILE]
///            (one trial at a time vs packed slots vs fused packs on one device: scripts/gpu-check.sh)
/// </summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        var mode = args.Length > 0 ? args[0] : "table";
        switch (mode)
        {
            case "aesweep":
                Console.WriteLine(AeSweepTrial.Run(args[1], int.Parse(args[2], CultureInfo.InvariantCulture), int.Parse(args[3], CultureInfo.InvariantCulture), Limit(args)).ToJson());
                return 0;
            case "bare":
                Console.WriteLine(BareTorchSharpLoop.Run(args[1], int.Parse(args[2], CultureInfo.InvariantCulture), int.Parse(args[3], CultureInfo.InvariantCulture), Limit(args)).ToJson());
                return 0;
            case "reuse":
                return TrialReuse.Run(args[1], int.Parse(args[2], CultureInfo.InvariantCulture), int.Parse(args[3], CultureInfo.InvariantCulture), int.Parse(args[4], CultureInfo.InvariantCulture), args.Length > 5 ? int.Parse(args[5], CultureInfo.InvariantCulture) : null);
            case "checkpoint-cost":
                return CheckpointCost.Run(args[1], args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 21);
            case "gpu":
                return GpuThroughput.Run(args);
            case "table":
                ChildProcess.OpenMpWaitPolicy = Option(args, "--omp-wait", "PASSIVE").ToUpperInvariant();
                return BenchmarkTable.Run(
                    Option(args, "--reference", "../shared/reference/pytorch_ae.py"),
                    int.Parse(Option(args, "--threads", "2"), CultureInfo.InvariantCulture),
                    int.Parse(Option(args, "--repeats", "3"), CultureInfo.InvariantCulture));
            default:
                Console.Error.WriteLine("usage: table [--reference PATH] [--threads N] [--repeats N] | aesweep|bare dense|conv EPOCHS THREADS | reuse dense|conv EPOCHS THREADS TRIALS [LIMIT] | checkpoint-cost dense|conv [REPEATS]");
                return 2;
        }
    }

    private static int? Limit(string[] args) => args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : null;

    private static string Option(string[] args, string name, string fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
    }
}

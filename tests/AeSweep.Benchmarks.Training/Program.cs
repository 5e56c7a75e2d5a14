using System.Globalization;

namespace AeSweep.Benchmarks.Training;

/// <summary>
/// Usage: table [--reference ../shared/reference/pytorch_ae.py] [--threads 2] [--repeats 3] [--omp-wait passive|active]
///        aesweep|bare dense|conv EPOCHS THREADS [LIMIT]   (one way, one JSON line; used by table as child processes)
///        reuse dense|conv EPOCHS THREADS TRIALS [LIMIT]   (trials back to back in one process: what a worker reuses)
///        fused SIZES EPOCHS THREADS REPEATS [LIMIT|all] [WIDTHS|conv]   (fused vs unfused trials/hour, e.g. fused 4,8 2 2 3 20000 256,64,32;
///            conv: the reference conv AE, fused as grouped convolutions)
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
            case "fused":
                return FusedThroughput.Run(
                    Ints(args[1]),
                    int.Parse(args[2], CultureInfo.InvariantCulture),
                    int.Parse(args[3], CultureInfo.InvariantCulture),
                    int.Parse(args[4], CultureInfo.InvariantCulture),
                    args.Length > 5 && args[5] != "all" ? int.Parse(args[5], CultureInfo.InvariantCulture) : null,
                    args.Length > 6 ? (args[6] == "conv" ? [] : Ints(args[6])) : [256, 64, 32]);
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
                Console.Error.WriteLine("usage: table [--reference PATH] [--threads N] [--repeats N] | aesweep|bare dense|conv EPOCHS THREADS | reuse dense|conv EPOCHS THREADS TRIALS [LIMIT] | checkpoint-cost dense|conv [REPEATS] | fused SIZES EPOCHS THREADS REPEATS [LIMIT|all] [WIDTHS|conv]");
                return 2;
        }
    }

    private static int[] Ints(string list) => [.. list.Split(',').Select(v => int.Parse(v, CultureInfo.InvariantCulture))];

    private static int? Limit(string[] args) => args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : null;

    private static string Option(string[] args, string name, string fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
    }
}

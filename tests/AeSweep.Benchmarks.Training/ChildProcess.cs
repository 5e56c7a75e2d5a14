using System.Diagnostics;
using System.Text.Json;

namespace AeSweep.Benchmarks.Training;

/// <summary>Runs one way in its own process (so peak RSS is that way's alone) and reads its JSON line back.</summary>
internal static class ChildProcess
{
    private const string PythonWrapper =
        "import sys, runpy, resource, json\n" +
        "path = sys.argv[1]; sys.argv = [path] + sys.argv[2:]\n" +
        "runpy.run_path(path, run_name='__main__')\n" +
        "print(json.dumps({'peak_rss_kb': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))\n";

    public static Process StartSelf(string way, string model, int epochs, int threads) =>
        Start(Path.Combine(AppContext.BaseDirectory, "AeSweep.Benchmarks.Training"), [way, model, epochs.ToString(), threads.ToString()]);

    public static BenchmarkResult Finish(Process process)
    {
        var output = process.StandardOutput.ReadToEnd();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        var line = output.Split('\n').LastOrDefault(l => l.StartsWith('{'));
        if (process.ExitCode != 0 || line is null)
        {
            throw new InvalidOperationException($"child failed ({process.ExitCode}): {output}\n{errors}");
        }

        return JsonSerializer.Deserialize<BenchmarkResult>(line, BenchmarkResult.Json)!;
    }

    public static BenchmarkResult RunSelf(string way, string model, int epochs, int threads) => Finish(StartSelf(way, model, epochs, threads));

    /// <summary>Debian's reference BLAS, which python3-torch uses when OpenBLAS is not installed (or forced here).</summary>
    /// <summary>OMP_WAIT_POLICY for every child: PASSIVE (AeSweep's default for training processes) or ACTIVE.</summary>
    public static string OpenMpWaitPolicy { get; set; } = "PASSIVE";

    public const string ReferenceBlasDirectory = "/usr/lib/x86_64-linux-gnu/blas";

    public static BenchmarkResult RunPyTorch(string script, string model, int epochs, int threads, bool referenceBlas = false)
    {
        var started = Stopwatch.GetTimestamp();
        using var process = Start(
            "/usr/bin/python3",
            ["-c", PythonWrapper, script, "--model", model, "--epochs", epochs.ToString(), "--threads", threads.ToString()],
            referenceBlas ? ReferenceBlasDirectory : null);
        var output = process.StandardOutput.ReadToEnd();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        var lines = output.Split('\n').Where(l => l.StartsWith('{')).ToArray();
        if (process.ExitCode != 0 || lines.Length < 2)
        {
            throw new InvalidOperationException($"pytorch reference failed ({process.ExitCode}): {output}\n{errors}");
        }

        using var result = JsonDocument.Parse(lines[0]);
        using var memory = JsonDocument.Parse(lines[1]);
        var root = result.RootElement;
        var blas = string.Join(" ", root.GetProperty("blas").EnumerateArray().Select(b => Path.GetFileName(b.GetString())));
        var seconds = root.GetProperty("seconds_per_epoch").EnumerateArray().Sum(e => e.GetDouble());
        return new BenchmarkResult(
            referenceBlas ? "pytorch-refblas" : "pytorch",
            model,
            epochs,
            threads,
            root.GetProperty("samples_per_s").GetDouble(),
            seconds,
            memory.RootElement.GetProperty("peak_rss_kb").GetDouble() / 1024.0,
            root.GetProperty("train_mse").GetDouble(),
            root.GetProperty("test_mse").GetDouble(),
            Stopwatch.GetElapsedTime(started).TotalSeconds,
            $"torch {root.GetProperty("torch").GetString()}, BLAS: {blas}");
    }

    private static Process Start(string fileName, IEnumerable<string> arguments, string? libraryPath = null)
    {
        var info = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        // Every way runs under the same OpenMP wait policy (see BenchmarkTable), set before its libgomp loads.
        info.Environment["OMP_WAIT_POLICY"] = OpenMpWaitPolicy;
        if (libraryPath is not null)
        {
            info.Environment["LD_LIBRARY_PATH"] = libraryPath;
        }

        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        return Process.Start(info) ?? throw new InvalidOperationException($"could not start {fileName}");
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace AeSweep.Benchmarks.Search;

/// <summary>Runs the Optuna scripts (the shared reference and optuna_samplers.py) with /usr/bin/python3 and reads their JSON lines.</summary>
internal sealed class OptunaReference
{
    public Dictionary<(string Function, string Sampler), Dictionary<int, Quartiles>> Quality { get; } = [];

    public Dictionary<int, (double P50, double Max)> Latency { get; } = [];

    public string Version { get; private set; } = "?";

    public static OptunaReference Run(IEnumerable<(string Script, string[] Args)> invocations)
    {
        var reference = new OptunaReference();
        foreach (var (script, args) in invocations)
        {
            var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add(script);
            foreach (var a in args)
            {
                start.ArgumentList.Add(a);
            }

            Console.Error.WriteLine($"running: /usr/bin/python3 {script} {string.Join(' ', args)}");
            using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start /usr/bin/python3");
            var stderr = process.StandardError.ReadToEndAsync();
            string? line;
            while ((line = process.StandardOutput.ReadLine()) is not null)
            {
                reference.Parse(line);
            }

            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"the Optuna reference script failed ({process.ExitCode}): {stderr.Result}");
            }
        }

        return reference;
    }

    public static OptunaReference FromFiles(IEnumerable<string> files)
    {
        var reference = new OptunaReference();
        foreach (var line in files.SelectMany(File.ReadLines))
        {
            reference.Parse(line);
        }

        return reference;
    }

    private void Parse(string line)
    {
        if (!line.TrimStart().StartsWith('{'))
        {
            return;
        }

        using var doc = JsonDocument.Parse(line);
        var root = doc.RootElement;
        if (root.TryGetProperty("measure", out var measure) && measure.GetString() == "tpe_ask_ms")
        {
            Latency[root.GetProperty("completed_trials").GetInt32()] = (root.GetProperty("p50").GetDouble(), root.GetProperty("max").GetDouble());
            return;
        }

        if (root.TryGetProperty("function", out var function) && root.TryGetProperty("best", out var best))
        {
            Version = root.GetProperty("optuna").GetString() ?? "?";
            if (root.GetProperty("seeds").GetInt32() < 2)
            {
                return; // the latency-only invocation's one-trial quality line
            }

            var byCheckpoint = new Dictionary<int, Quartiles>();
            foreach (var c in best.EnumerateObject())
            {
                byCheckpoint[int.Parse(c.Name, CultureInfo.InvariantCulture)] = new Quartiles(
                    c.Value.GetProperty("q1").GetDouble(), c.Value.GetProperty("median").GetDouble(), c.Value.GetProperty("q3").GetDouble());
            }

            Quality[(function.GetString()!, root.GetProperty("sampler").GetString()!)] = byCheckpoint;
        }
    }
}

using System.Diagnostics;
using AeSweep.Core.Search.Pruners;
using AeSweep.Core.Search.Samplers;
using AeSweep.Core.Trials;

namespace AeSweep.Benchmarks.Search;

/// <summary>
/// TPE ask latency on Hartmann-6, measured as the reference script measures Optuna's: run N trials,
/// then time 20 asks (ask + evaluation), each told 0.0. A second figure times 200 asks against one
/// fixed history, for a steadier p99.
/// </summary>
internal static class LatencyBenchmark
{
    public sealed record Result(int CompletedTrials, double P50, double Max, double FixedP50, double FixedP99);

    public static Result Run(int completedTrials)
    {
        var function = TestFunctions.Hartmann6();
        var study = new Study(function.Space, new TpeSampler(0), NopPruner.Instance, MetricGoal.Minimize);
        for (var i = 0; i < completedTrials; i++)
        {
            var s = study.Ask();
            study.Tell(s.Number, function.Evaluate(s.Parameters));
        }

        var history = study.Trials;
        var latencies = new List<double>();
        for (var i = 0; i < 20; i++)
        {
            var start = Stopwatch.GetTimestamp();
            var s = study.Ask();
            function.Evaluate(s.Parameters);
            latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            study.Tell(s.Number, 0.0);
        }

        var sampler = new TpeSampler(1);
        var fixedLatencies = new List<double>();
        for (var i = 0; i < 200; i++)
        {
            var context = new SamplingContext(function.Space, MetricGoal.Minimize, history, history.Length + i);
            var start = Stopwatch.GetTimestamp();
            sampler.Sample(context);
            fixedLatencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        return new Result(completedTrials, Quartiles.Of(latencies).Median, latencies.Max(), Quartiles.Percentile(fixedLatencies, 50), Quartiles.Percentile(fixedLatencies, 99));
    }

    /// <summary>
    /// GP ask latency (issue 12's targets: ≤ 50 ms at 200 trials, ≤ 1 s at 1,000): a history of
    /// <paramref name="completedTrials"/> Hartmann-6 trials (drawn by TPE, which is cheap), then 20 GP asks on it
    /// (two more first, untimed, so the JIT has compiled the fit); p50 and max.
    /// </summary>
    public static (int CompletedTrials, double P50, double Max) RunGp(int completedTrials)
    {
        var function = TestFunctions.Hartmann6();
        var study = new Study(function.Space, new TpeSampler(0), NopPruner.Instance, MetricGoal.Minimize);
        for (var i = 0; i < completedTrials; i++)
        {
            var s = study.Ask();
            study.Tell(s.Number, function.Evaluate(s.Parameters));
        }

        var history = study.Trials;
        var gp = new GpSampler(1);
        var latencies = new List<double>();
        for (var i = -2; i < 20; i++)
        {
            var context = new SamplingContext(function.Space, MetricGoal.Minimize, history, history.Length + i + 2);
            var start = Stopwatch.GetTimestamp();
            gp.Sample(context);
            if (i >= 0)
            {
                latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }

        return (completedTrials, Quartiles.Of(latencies).Median, latencies.Max());
    }
}

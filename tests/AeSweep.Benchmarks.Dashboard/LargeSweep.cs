using AeSweep.Core.Definitions;
using AeSweep.Core.Definitions.Stored;
using AeSweep.Core.Search;
using AeSweep.Core.Trials;
using AeSweep.Storage;
using AeSweep.Storage.Model;

namespace AeSweep.Benchmarks.Dashboard;

/// <summary>
/// Fills the store with one finished sweep of the dense example's search space through the store's own calls (batched
/// adds and claims, batched epoch reports, one finish per trial): 70 % completed with final metrics, 20 % pruned, 10 %
/// failed; every fifth trial reports its epochs (pruned ones stop early). The objective follows a smooth function of the
/// parameters (learning rate and code size dominate) plus noise, so importance and charts have something to find.
/// </summary>
internal static class LargeSweep
{
    private const int Batch = 500;

    public const string Yaml = """
        name: dashboard-benchmark
        dataset: fashion-mnist
        model: dense
        method: random
        metric: {name: val_mse, goal: minimize}
        parameters:
          code_size:     {values: [2, 4, 8, 16, 32, 64]}
          depth:         {min: 1, max: 4}
          width:         {values: [64, 128, 256, 512]}
          loss:          {values: [mse, l1, bce]}
          learning_rate: {distribution: log_uniform, min: 0.0001, max: 0.01}
          batch_size:    {value: 256}
          epochs:        {value: 10}
        budget: {max_trials: 10000, max_parallel: 4}
        seed: 42
        """;

    public static async Task<string> CreateAsync(EfSweepStore store, int trials, CancellationToken cancellationToken)
    {
        // Stored as the submit path stores it (the versioned JSON document), so the page reads the design (choices, log
        // scales, constants) as it would for a real sweep and the coordinator can activate it.
        var parsed = SweepDefinitionParser.Parse(Yaml);
        var definition = parsed.Definition ?? throw new InvalidOperationException("the benchmark's sweep is invalid: " + string.Join("; ", parsed.Errors));
        var sweep = await store.CreateSweepAsync(
            new NewSweep("dashboard-benchmark", StoredSweepDocument.Write(definition), SweepDefinitionFormat.Json, "val_mse", MetricGoal.Minimize, Seed: 42,
                MaxTrials: definition.Budget.MaxTrials, MaxParallel: definition.Budget.MaxParallel),
            cancellationToken);
        var random = new Random(42);
        int[] codeSizes = [2, 4, 8, 16, 32, 64];
        int[] widths = [64, 128, 256, 512];
        string[] losses = ["mse", "l1", "bce"];
        for (var first = 0; first < trials; first += Batch)
        {
            var count = Math.Min(Batch, trials - first);
            var parameters = new List<IReadOnlyDictionary<string, ParameterValue>>(count);
            for (var i = 0; i < count; i++)
            {
                parameters.Add(new Dictionary<string, ParameterValue>
                {
                    ["code_size"] = ParameterValue.Of(codeSizes[random.Next(codeSizes.Length)]),
                    ["depth"] = ParameterValue.Of(random.Next(1, 5)),
                    ["width"] = ParameterValue.Of(widths[random.Next(widths.Length)]),
                    ["loss"] = ParameterValue.Of(losses[random.Next(losses.Length)]),
                    ["learning_rate"] = ParameterValue.Of(Math.Exp(Math.Log(1e-4) + (random.NextDouble() * Math.Log(100)))),
                    ["batch_size"] = ParameterValue.Of(256),
                    ["epochs"] = ParameterValue.Of(10),
                });
            }

            await store.AddTrialsAtAsync(sweep.Id, first, parameters, cancellationToken);
            var claimed = await store.ClaimPendingTrialsAsync("bench-worker", count, TimeSpan.FromHours(1), cancellationToken);
            var reports = new List<EpochReport>();
            var finishes = new List<TrialFinish>();
            foreach (var trial in claimed)
            {
                var mse = Objective(trial.Parameters, random);
                var roll = random.NextDouble();
                var state = roll < 0.7 ? TrialState.Completed : roll < 0.9 ? TrialState.Pruned : TrialState.Failed;
                var epochs = state == TrialState.Completed ? 10 : state == TrialState.Pruned ? 3 : 1;
                if (trial.Number % 5 == 0)
                {
                    for (var epoch = 1; epoch <= epochs; epoch++)
                    {
                        reports.Add(new EpochReport(trial.Lease!, epoch, Metrics(mse * (1 + (2.0 / epoch)), trial.Parameters, final: false)));
                    }
                }

                finishes.Add(state switch
                {
                    TrialState.Completed => new TrialFinish(trial.Id, state, Metrics: Metrics(mse, trial.Parameters, final: true), Lease: trial.Lease),
                    TrialState.Pruned => new TrialFinish(trial.Id, state, "pruned by asha at epoch 3", Lease: trial.Lease),
                    _ => new TrialFinish(trial.Id, state, "loss became NaN", Metrics: new Dictionary<string, double> { ["val_mse"] = double.NaN }, Lease: trial.Lease),
                });
            }

            foreach (var chunk in reports.Chunk(Batch))
            {
                await store.RecordEpochMetricsAsync(chunk, cancellationToken);
            }

            foreach (var finish in finishes)
            {
                (await store.FinishTrialAsync(finish, cancellationToken)).EnsureApplied();
            }

            Console.Error.Write($"\r  {first + count} / {trials} trials stored");
        }

        Console.Error.WriteLine();
        if (!(await store.FinishSweepAsync(sweep.Id, SweepState.Completed, null, cancellationToken)).Applied)
        {
            throw new InvalidOperationException("the benchmark sweep could not be finished");
        }
        return sweep.Id;
    }

    /// <summary>val_mse: best near learning rate 3e-3 and large codes, a little from depth and loss, plus noise.</summary>
    private static double Objective(IReadOnlyDictionary<string, ParameterValue> p, Random random)
    {
        var lr = Math.Log10(p["learning_rate"].AsDouble());
        var code = Math.Log2(p["code_size"].AsDouble());
        return 0.01 + (0.01 * Math.Pow(lr + 2.5, 2)) + (0.03 / code) + (0.001 * p["depth"].AsDouble())
            + (p["loss"].AsString() == "bce" ? 0.002 : 0) + (0.002 * random.NextDouble());
    }

    private static Dictionary<string, double> Metrics(double mse, IReadOnlyDictionary<string, ParameterValue> p, bool final)
    {
        var metrics = new Dictionary<string, double>
        {
            ["val_mse"] = mse,
            ["val_psnr"] = 10 * Math.Log10(1 / mse),
            ["val_ssim"] = Math.Clamp(1 - (8 * mse), 0, 1),
            ["train_loss"] = mse * 0.9,
        };
        if (final)
        {
            metrics["pca_val_mse"] = 0.02 + (0.03 / Math.Log2(p["code_size"].AsDouble()));
        }

        return metrics;
    }
}

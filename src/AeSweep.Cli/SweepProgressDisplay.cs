using System.Diagnostics;
using System.Globalization;
using AeSweep.Application;
using AeSweep.Application.Contracts;
using AeSweep.Core.Definitions;
using AeSweep.Core.Search.Samplers;
using AeSweep.Core.Trials;
using Spectre.Console;

namespace AeSweep.Cli;

/// <summary>
/// Follows a sweep in the store until it ends: a live progress bar on a terminal (trials done, running, pruned,
/// failed, best so far, ETA); on a pipe or in CI, one line whenever something changes. Writes to stderr only.
/// </summary>
internal sealed class SweepProgressDisplay(ISweepQueries queries, SweepDefinition definition, TextWriter output)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(400);

    /// <summary>Why fewer trials run at once than the file's max_parallel (shown with the progress), or null.</summary>
    public string? ParallelismNote { get; init; }

    public async Task FollowAsync(string sweepId, CancellationToken cancellationToken)
    {
        var total = ExpectedTrials();
        var detail = await queries.GetSweepAsync(sweepId, cancellationToken);
        if (detail?.Sampler is { } sampler)
        {
            await output.WriteLineAsync($"sampler: {TerminalText.Escape(sampler)}");
        }

        if (detail?.WarmStart is { } warmStart)
        {
            await output.WriteLineAsync($"warm start: {TerminalText.Escape(warmStart.Describe())}");
            foreach (var warmStartNote in warmStart.Notes)
            {
                await output.WriteLineAsync($"warm start: {TerminalText.Escape(warmStartNote)}");
            }
        }

        if (ParallelismNote is { } note)
        {
            await output.WriteLineAsync($"parallel: {TerminalText.Escape(note)}");
        }

        if (total is null && definition.Budget.MaxMinutes is null)
        {
            // W&B's habit: a sweep without a run cap runs until stopped. Say so, since nothing else will end it.
            await output.WriteLineAsync($"no trial limit: this sweep runs until cancelled (Ctrl+C here, or `aesweep cancel {sweepId}`); set run_cap or budget.max_trials to bound it");
        }

        var clock = Stopwatch.StartNew();
        if (ReferenceEquals(output, Console.Error) && !Console.IsErrorRedirected)
        {
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });
            await console.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
                .StartAsync(async context =>
                {
                    var bar = context.AddTask(sweepId, maxValue: total ?? 1);
                    await PollAsync(sweepId, snapshot =>
                    {
                        bar.MaxValue = total ?? Math.Max(1, snapshot.Total);
                        bar.Value = snapshot.Finished;
                        bar.Description = Markup.Escape(TerminalText.Escape(snapshot.Describe(definition.Metric.Name, total, null, ParallelismNote)));
                    }, cancellationToken);
                    bar.Value = bar.MaxValue;
                });
            return;
        }

        string? last = null;
        await PollAsync(sweepId, snapshot =>
        {
            var line = snapshot.Describe(definition.Metric.Name, total, clock.Elapsed, ParallelismNote);
            var key = snapshot.Describe(definition.Metric.Name, total, null, ParallelismNote);
            if (key != last)
            {
                output.WriteLine($"[{clock.Elapsed:hh\\:mm\\:ss}] {TerminalText.Escape(line)}");
                last = key;
            }
        }, cancellationToken);
    }

    private async Task PollAsync(string sweepId, Action<ProgressSnapshot> show, CancellationToken cancellationToken)
    {
        while (true)
        {
            var progress = await queries.GetSweepProgressAsync(sweepId, cancellationToken) ?? throw new InvalidOperationException($"sweep {sweepId} vanished");
            show(new ProgressSnapshot(progress.Counts, progress.Best));
            if (progress.Sweep.State is "completed" or "cancelled" or "failed")
            {
                return;
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    private int? ExpectedTrials()
    {
        if (definition.Budget.MaxTrials is { } max)
        {
            return definition.Method == SearchMethod.Grid ? Math.Min(max, GridSize()) : max;
        }

        return definition.Method == SearchMethod.Grid ? GridSize() : null;
    }

    // The grid sampler enumerates the conditional tree, so its size is exact where a plain product is not.
    private int GridSize() => new GridSampler(definition.SearchSpace, constraints: definition.Constraints).Size;

    private sealed record ProgressSnapshot(IReadOnlyDictionary<string, int> Counts, TrialView? Best)
    {
        public int Finished => Count(TrialState.Completed) + Count(TrialState.Pruned) + Count(TrialState.Failed) + Count(TrialState.Cancelled);

        public int Total => Counts.Values.Sum();

        public string Describe(string metric, int? total, TimeSpan? elapsed, string? parallelismNote)
        {
            var cap = parallelismNote is null ? string.Empty : " (core cap)";
            var of = total is { } t ? $"/{t}" : " (no limit: until cancelled)";
            var best = Best?.Objective is { } v ? $" · best {metric} {v.ToString("G5", CultureInfo.InvariantCulture)} (#{Best.Number})" : string.Empty;
            var eta = elapsed is { } e && total is { } all && Finished > 0 && Finished < all
                ? $" · ETA {TimeSpan.FromSeconds(e.TotalSeconds / Finished * (all - Finished)):hh\\:mm\\:ss}"
                : string.Empty;
            return $"{Finished}{of} trials done · {Count(TrialState.Running)} running{cap} · {Count(TrialState.Completed)} completed, " +
                   $"{Count(TrialState.Pruned)} pruned, {Count(TrialState.Failed)} failed{best}{eta}";
        }

        private int Count(TrialState state) => Counts.TryGetValue(ContractMapping.Name(state), out var n) ? n : 0;
    }
}

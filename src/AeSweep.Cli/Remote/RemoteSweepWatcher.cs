using System.Globalization;
using AeSweep.Application.Contracts;
using Spectre.Console;

namespace AeSweep.Cli.Remote;

/// <summary>
/// <c>--watch</c>: follows a sweep on a server until it finishes — a progress bar against max_trials, counts per
/// state, ETA, and a compact live leaderboard of the best trials. On a terminal it redraws in place (stderr); when
/// stderr is redirected it prints a line whenever the counts change.
/// </summary>
internal sealed class RemoteSweepWatcher(AeSweepApiClient api, TextWriter log)
{
    private const int LeaderboardSize = 5;
    private static readonly string[] FinalStates = ["completed", "cancelled", "failed"];

    public async Task<SweepDetailView> WatchAsync(string sweepId, CancellationToken cancellationToken)
    {
        if (!Console.IsErrorRedirected)
        {
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
            SweepDetailView? final = null;
            await console.Live(new Text("connecting…")).StartAsync(async live =>
            {
                while (true)
                {
                    var (sweep, trials) = await PollAsync(sweepId, cancellationToken);
                    live.UpdateTarget(Render(sweep, trials));
                    if (IsFinished(sweep))
                    {
                        final = sweep;
                        return;
                    }

                    await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
                }
            });
            return final!;
        }

        var last = string.Empty;
        while (true)
        {
            var (sweep, _) = await PollAsync(sweepId, cancellationToken);
            var line = ProgressLine(sweep);
            if (line != last)
            {
                await log.WriteLineAsync(line);
                last = line;
            }

            if (IsFinished(sweep))
            {
                return sweep;
            }

            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        }
    }

    private async Task<(SweepDetailView Sweep, PageView<TrialView> Trials)> PollAsync(string sweepId, CancellationToken cancellationToken) =>
        (await api.GetSweepAsync(sweepId, cancellationToken), await api.ListTrialsAsync(sweepId, 200, cancellationToken));

    private static bool IsFinished(SweepDetailView sweep) => FinalStates.Contains(sweep.Sweep.State);

    private static int Count(SweepDetailView sweep, string state) => sweep.Counts.TryGetValue(state, out var c) ? c : 0;

    private static string ProgressLine(SweepDetailView sweep)
    {
        int Count(string state) => RemoteSweepWatcher.Count(sweep, state);
        var done = Count("completed") + Count("pruned") + Count("failed") + Count("cancelled");
        var max = sweep.Budget?.MaxTrials;
        return string.Create(CultureInfo.InvariantCulture,
            $"{TerminalText.Escape(sweep.Sweep.State)}: {done}{(max is { } m ? $"/{m}" : sweep.Budget?.MaxMinutes is null ? " (no limit: until cancelled)" : string.Empty)} trials done · {Count("running")} running · {Count("completed")} completed, {Count("pruned")} pruned, {Count("failed")} failed");
    }

    private static Rows Render(SweepDetailView sweepView, PageView<TrialView> trials)
    {
        var sweep = sweepView.Sweep;
        int Count(string state) => RemoteSweepWatcher.Count(sweepView, state);
        var done = Count("completed") + Count("pruned") + Count("failed") + Count("cancelled");
        var max = sweepView.Budget?.MaxTrials;

        var progress = max is > 0 ? new BreakdownChart().Width(50)
            .AddItem("completed", Count("completed"), Color.Green)
            .AddItem("pruned", Count("pruned"), Color.Yellow)
            .AddItem("failed", Count("failed"), Color.Red)
            .AddItem("running", Count("running"), Color.Blue)
            .AddItem("to do", Math.Max(0, max.Value - done - Count("running")), Color.Grey) : null;

        var scored = ContractText.BestFirst(trials.Items, sweep.Goal).Take(LeaderboardSize).ToList();
        var table = new Table().Border(TableBorder.Simple).AddColumn("#").AddColumn("state").AddColumn(Markup.Escape(TerminalText.Escape(sweep.Metric))).AddColumn("parameters");
        foreach (var trial in scored)
        {
            var parameters = ContractText.Parameters(trial.Parameters);
            table.AddRow(
                trial.Number.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(TerminalText.Escape(trial.State)),
                trial.Objective!.Value.ToString("G5", CultureInfo.InvariantCulture),
                Markup.Escape(parameters.Length > 70 ? parameters[..70] + "…" : parameters));
        }

        var header = new Markup(Markup.Escape(TerminalText.Escape($"{sweep.Name} ({sweep.Id}) · {ProgressLine(sweepView)}")));
        return progress is null ? new Rows(header, table) : new Rows(header, progress, table);
    }
}

using System.Globalization;
using System.Text.Json;
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

    public async Task<JsonDocument> WatchAsync(string sweepId, CancellationToken cancellationToken)
    {
        if (!Console.IsErrorRedirected)
        {
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
            JsonDocument? final = null;
            await console.Live(new Text("connecting…")).StartAsync(async live =>
            {
                while (true)
                {
                    var (sweep, trials) = await PollAsync(sweepId, cancellationToken);
                    live.UpdateTarget(Render(sweep, trials));
                    if (IsFinished(sweep))
                    {
                        final = sweep;
                        trials.Dispose();
                        return;
                    }

                    sweep.Dispose();
                    trials.Dispose();
                    await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
                }
            });
            return final!;
        }

        var last = string.Empty;
        while (true)
        {
            var (sweep, trials) = await PollAsync(sweepId, cancellationToken);
            trials.Dispose();
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

            sweep.Dispose();
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        }
    }

    private async Task<(JsonDocument Sweep, JsonDocument Trials)> PollAsync(string sweepId, CancellationToken cancellationToken) =>
        (await api.GetSweepAsync(sweepId, cancellationToken), await api.ListTrialsAsync(sweepId, 200, cancellationToken));

    private static bool IsFinished(JsonDocument sweep) => FinalStates.Contains(sweep.RootElement.GetProperty("sweep").GetProperty("state").GetString());

    private static string ProgressLine(JsonDocument document)
    {
        var root = document.RootElement;
        var counts = root.GetProperty("counts");
        int Count(string state) => counts.TryGetProperty(state, out var c) ? c.GetInt32() : 0;
        var done = Count("completed") + Count("pruned") + Count("failed") + Count("cancelled");
        var max = MaxTrials(root);
        return string.Create(CultureInfo.InvariantCulture,
            $"{TerminalText.Escape(root.GetProperty("sweep").GetProperty("state").GetString())}: {done}{(max is { } m ? $"/{m}" : string.Empty)} trials done · {Count("running")} running · {Count("completed")} completed, {Count("pruned")} pruned, {Count("failed")} failed");
    }

    private static int? MaxTrials(JsonElement root) =>
        root.TryGetProperty("budget", out var budget) && budget.ValueKind == JsonValueKind.Object
        && budget.TryGetProperty("max_trials", out var max) && max.ValueKind == JsonValueKind.Number ? max.GetInt32() : null;

    private static Rows Render(JsonDocument sweepDocument, JsonDocument trialsDocument)
    {
        var root = sweepDocument.RootElement;
        var sweep = root.GetProperty("sweep");
        var metric = sweep.GetProperty("metric").GetString()!;
        var maximize = sweep.GetProperty("goal").GetString() == "maximize";
        var counts = root.GetProperty("counts");
        int Count(string state) => counts.TryGetProperty(state, out var c) ? c.GetInt32() : 0;
        var done = Count("completed") + Count("pruned") + Count("failed") + Count("cancelled");
        var max = MaxTrials(root);

        var progress = max is > 0 ? new BreakdownChart().Width(50)
            .AddItem("completed", Count("completed"), Color.Green)
            .AddItem("pruned", Count("pruned"), Color.Yellow)
            .AddItem("failed", Count("failed"), Color.Red)
            .AddItem("running", Count("running"), Color.Blue)
            .AddItem("to do", Math.Max(0, max.Value - done - Count("running")), Color.Grey) : null;

        var scored = trialsDocument.RootElement.GetProperty("items").EnumerateArray()
            .Where(t => t.GetProperty("objective").ValueKind == JsonValueKind.Number)
            .OrderBy(t => maximize ? -t.GetProperty("objective").GetDouble() : t.GetProperty("objective").GetDouble())
            .Take(LeaderboardSize)
            .ToList();
        var table = new Table().Border(TableBorder.Simple).AddColumn("#").AddColumn("state").AddColumn(Markup.Escape(TerminalText.Escape(metric))).AddColumn("parameters");
        foreach (var trial in scored)
        {
            var parameters = TerminalText.Escape(string.Join(", ", trial.GetProperty("parameters").EnumerateObject().Select(p => $"{p.Name}={p.Value}")));
            table.AddRow(
                trial.GetProperty("number").GetInt32().ToString(CultureInfo.InvariantCulture),
                Markup.Escape(TerminalText.Escape(trial.GetProperty("state").GetString())),
                trial.GetProperty("objective").GetDouble().ToString("G5", CultureInfo.InvariantCulture),
                Markup.Escape(parameters.Length > 70 ? parameters[..70] + "…" : parameters));
        }

        var header = new Markup(Markup.Escape(TerminalText.Escape($"{sweep.GetProperty("name").GetString()} ({sweep.GetProperty("id").GetString()}) · {ProgressLine(sweepDocument)}")));
        return progress is null ? new Rows(header, table) : new Rows(header, progress, table);
    }
}

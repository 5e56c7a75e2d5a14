using System.CommandLine;
using System.Text.Json;
using AeSweep.Application.Contracts;
using AeSweep.Cli.Remote;

namespace AeSweep.Cli.Commands;

/// <summary>
/// The sweep-control verbs on a server (the REST routes of issue 15): <c>pause</c>, <c>resume ID --server</c>,
/// <c>budget</c>, <c>enqueue</c>, <c>retry</c>, <c>drain [--undo]</c>. Refusals print the server's one-line reason and exit
/// non-zero (2 for a refused or invalid request, 1 when the server cannot be reached).
/// </summary>
internal static class ControlCommands
{
    public static Command Pause() => SweepVerb("pause", "Pause a sweep on a server: running trials finish, no new trial starts until `aesweep resume ID --server URL`.",
        (api, id, ct) => api.PauseAsync(id, ct));

    /// <summary>The remote half of <c>aesweep resume</c>: resumes a paused sweep on the server.</summary>
    public static async Task<int> ResumeRemoteAsync(AeSweepApiClient api, string sweepId, CancellationToken cancellationToken)
    {
        var answer = await api.ResumeAsync(sweepId, cancellationToken);
        await Console.Error.WriteLineAsync(TerminalText.Escape(answer.Detail));
        return 0;
    }

    public static Command Budget()
    {
        var id = new Argument<string>("sweep-id") { Description = "The sweep." };
        var maxTrials = new Option<int?>("--max-trials") { Description = "New budget.max_trials (not below the trials already created)." };
        var maxParallel = new Option<int?>("--max-parallel") { Description = "New budget.max_parallel (applied at once)." };
        var maxMinutes = new Option<double?>("--max-minutes") { Description = "New budget.max_minutes (counted from the sweep's start, paused time included)." };
        return Remote(new Command("budget", "Change a running sweep's budget on a server; omitted limits are kept.") { id, maxTrials, maxParallel, maxMinutes }, async (parse, api, ct) =>
        {
            var budget = new ChangeBudgetRequest(parse.GetValue(maxTrials), parse.GetValue(maxParallel), parse.GetValue(maxMinutes));
            if (budget is { MaxTrials: null, MaxParallel: null, MaxMinutes: null })
            {
                await Console.Error.WriteLineAsync("aesweep: name at least one of --max-trials, --max-parallel, --max-minutes");
                return ValidateCommand.Invalid;
            }

            var answer = await api.ChangeBudgetAsync(parse.GetValue(id)!, budget, ct);
            await Console.Error.WriteLineAsync(TerminalText.Escape(answer.Detail));
            return 0;
        });
    }

    public static Command Enqueue()
    {
        var id = new Argument<string>("sweep-id") { Description = "The sweep." };
        var param = new Option<string[]>("--param") { Description = "A parameter as NAME=VALUE (repeat it); VALUE is read as JSON when it is a number, true/false or a quoted string, else as text.", AllowMultipleArgumentsPerToken = false };
        var json = new Option<string?>("--json") { Description = "The parameters as one JSON object, e.g. '{\"code_size\": 16, \"activation\": \"relu\"}'." };
        return Remote(new Command("enqueue", "Queue a configuration on a server's sweep: checked against its space, it runs before sampled trials.") { id, param, json }, async (parse, api, ct) =>
        {
            var (parameters, error) = ReadParameters(parse.GetValue(param) ?? [], parse.GetValue(json));
            if (parameters is null)
            {
                await Console.Error.WriteLineAsync($"aesweep: {error}");
                return ValidateCommand.Invalid;
            }

            var queued = await api.EnqueueAsync(parse.GetValue(id)!, new EnqueueTrialRequest(parameters), ct);
            Console.WriteLine(queued.TrialId);
            await Console.Error.WriteLineAsync($"trial {queued.TrialId} queued in sweep {queued.SweepId}");
            return 0;
        });
    }

    public static Command Retry()
    {
        var id = new Argument<string>("trial-id") { Description = "A failed or cancelled trial." };
        return Remote(new Command("retry", "Run a failed or cancelled trial again on a server, as a new trial with the same parameters.") { id }, async (parse, api, ct) =>
        {
            var queued = await api.RetryAsync(parse.GetValue(id)!, ct);
            Console.WriteLine(queued.TrialId);
            await Console.Error.WriteLineAsync($"trial {queued.RetryOf} runs again as trial {queued.TrialId}");
            return 0;
        });
    }

    public static Command Drain()
    {
        var id = new Argument<string>("worker-id") { Description = "The worker (see aesweep status, or /api/workers)." };
        var undo = new Option<bool>("--undo") { Description = "Undrain: the worker takes trials again." };
        return Remote(new Command("drain", "Drain a worker on a server: it finishes its running trials and takes no new ones (--undo to undrain).") { id, undo }, async (parse, api, ct) =>
        {
            var answer = await api.DrainAsync(parse.GetValue(id)!, !parse.GetValue(undo), ct);
            await Console.Error.WriteLineAsync(TerminalText.Escape(answer.Detail));
            return 0;
        });
    }

    /// <summary>
    /// <c>--param NAME=VALUE</c> entries and/or <c>--json</c> as JSON values (a VALUE that is not a JSON number, boolean or
    /// quoted string is text, so <c>activation=relu</c> works unquoted); null and an error line when malformed.
    /// </summary>
    internal static (Dictionary<string, JsonElement>? Parameters, string? Error) ReadParameters(IReadOnlyList<string> pairs, string? json)
    {
        var parameters = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (json is not null)
        {
            try
            {
                using var document = JsonDocument.Parse(json);
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    return (null, "--json must be a JSON object of parameters, e.g. '{\"code_size\": 16}'");
                }

                foreach (var property in document.RootElement.EnumerateObject())
                {
                    parameters[property.Name] = property.Value.Clone();
                }
            }
            catch (JsonException ex)
            {
                return (null, $"--json is not valid JSON: {ex.Message}");
            }
        }

        foreach (var pair in pairs)
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                return (null, $"--param must be NAME=VALUE, not '{pair}'");
            }

            var (name, text) = (pair[..equals].Trim(), pair[(equals + 1)..]);
            parameters[name] = ValueOf(text);
        }

        return parameters.Count == 0 ? (null, "give the configuration with --param NAME=VALUE (repeated) or --json '{...}'") : (parameters, null);
    }

    private static JsonElement ValueOf(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False or JsonValueKind.String)
            {
                return document.RootElement.Clone();
            }
        }
        catch (JsonException)
        {
            // Not JSON: the text itself (activation=relu).
        }

        return JsonSerializer.SerializeToElement(text);
    }

    private static Command SweepVerb(string name, string description, Func<AeSweepApiClient, string, CancellationToken, Task<ControlView>> call)
    {
        var id = new Argument<string>("sweep-id") { Description = "The sweep." };
        return Remote(new Command(name, description) { id }, async (parse, api, ct) =>
        {
            var answer = await call(api, parse.GetValue(id)!, ct);
            await Console.Error.WriteLineAsync(TerminalText.Escape(answer.Detail));
            return 0;
        });
    }

    private static Command Remote(Command command, Func<ParseResult, AeSweepApiClient, CancellationToken, Task<int>> body)
    {
        var server = RemoteOptions.Server();
        var apiKey = RemoteOptions.ApiKey();
        var data = RunCommand.DataOption();
        command.Options.Add(server);
        command.Options.Add(apiKey);
        command.Options.Add(data);
        command.SetAction((parse, cancellationToken) => RemoteCommand.RunAsync(parse, server, apiKey, data, api => body(parse, api, cancellationToken)));
        return command;
    }
}

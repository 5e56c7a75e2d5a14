using System.Diagnostics;
using System.Text.Json;

namespace AeSweep.Cli.Tests;

/// <summary>
/// W&amp;B sweep files and W&amp;B training scripts run unchanged through the real <c>aesweep run</c>: AeSweep's wandb module
/// stands in for W&amp;B's (this machine has no wandb package, so a trial that reached a real one would fail), trials report
/// through wandb.log and are pruned by W&amp;B's hyperband, images become artifacts, and metric.target ends a sweep.
/// </summary>
public sealed class WandbDropInTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("aesweep-wandb-").FullName;

    private static string Root => ValidateCommandTests.FindRoot();

    private string CopyOf(string name, params string[] scripts)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_data, "project")).FullName;
        foreach (var file in scripts.Append(name))
        {
            File.Copy(Path.Combine(Root, "tests", "AeSweep.Cli.Tests", "Wandb", file), Path.Combine(folder, file), overwrite: true);
        }

        return Path.Combine(folder, name);
    }

    private (int Code, JsonElement Result, string Stderr) RunJson(string sweepFile, IReadOnlyDictionary<string, string>? environment = null)
    {
        var (code, stdout, stderr) = Run(environment, "run", sweepFile, "--json", "--data", Path.Combine(_data, "store"));
        Assert.True(code == 0, stderr);
        using var document = JsonDocument.Parse(stdout.Trim().Split('\n')[^1]);
        return (code, document.RootElement.Clone(), stderr);
    }

    [Fact]
    public void Wandb_example_runs_unchanged_with_the_default_command_nested_parameters_pruning_and_images()
    {
        var (_, result, stderr) = RunJson(Path.Combine(Root, "examples", "wandb", "sweep.yaml"));

        var counts = result.GetProperty("counts");
        Assert.Equal(8, counts.EnumerateObject().Sum(c => c.Value.GetInt32()));
        Assert.Equal(0, counts.GetProperty("failed").GetInt32());
        Assert.True(counts.GetProperty("completed").GetInt32() > 0);
        Assert.True(counts.GetProperty("pruned").GetInt32() > 0, "W&B's hyperband (min_iter 1, eta 2) pruned nothing");
        var best = result.GetProperty("best");
        Assert.True(best.GetProperty("metrics").GetProperty("val_loss").GetDouble() < 5);
        Assert.Contains(best.GetProperty("parameters").GetProperty("model.width").GetInt32(), new[] { 8, 16 });
        var gallery = best.GetProperty("artifacts").GetProperty("gallery").GetString()!;
        Assert.True(File.Exists(gallery), gallery);
        Assert.Equal(0x89, File.ReadAllBytes(gallery)[0]);
        Assert.True(best.GetProperty("artifacts").TryGetProperty("reconstruction", out _));
        Assert.Contains("sampler: bayes (run as auto", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Command_with_args_json_and_log_with_step_runs_to_completion()
    {
        var (_, result, _) = RunJson(CopyOf("sweep-args-json.yaml", "train_args.py"));

        var counts = result.GetProperty("counts");
        Assert.Equal(6, counts.EnumerateObject().Sum(c => c.Value.GetInt32()));
        Assert.Equal(0, counts.GetProperty("failed").GetInt32());
        Assert.True(counts.GetProperty("completed").GetInt32() > 0);
        Assert.True(result.GetProperty("best").GetProperty("metrics").GetProperty("score").GetDouble() > 0);
    }

    [Fact]
    public void Metric_target_ends_the_sweep_once_a_trial_reaches_it()
    {
        var (_, result, _) = RunJson(CopyOf("sweep-target.yaml", "train_grid.py"));

        var total = result.GetProperty("counts").EnumerateObject().Sum(c => c.Value.GetInt32());
        Assert.InRange(total, 1, 5);
        Assert.True(result.GetProperty("best").GetProperty("metrics").GetProperty("loss").GetDouble() <= 2.5);
    }

    [Fact]
    public void Shim_switched_off_on_the_worker_leaves_the_script_to_find_its_own_wandb()
    {
        var (_, result, _) = RunJson(CopyOf("sweep-target.yaml", "train_grid.py"), new Dictionary<string, string> { ["AESWEEP_WANDB_SHIM"] = "0" });

        // No wandb package here: every trial fails on its import, and the sweep ends after the failures in a row.
        Assert.Equal(0, result.GetProperty("counts").GetProperty("completed").GetInt32());
        Assert.True(result.GetProperty("counts").GetProperty("failed").GetInt32() > 0);
    }

    [Fact]
    public void Validate_says_the_file_was_read_as_a_wandb_file()
    {
        var (code, stdout, _) = ValidateCommandTests.Run("validate", Path.Combine(Root, "examples", "wandb", "sweep.yaml"));

        Assert.Equal(0, code);
        Assert.Contains("read as a W&B sweep file", stdout, StringComparison.Ordinal);
        Assert.Contains("bayes (run as auto)", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sweep_then_agent_run_a_wandb_sweep_unchanged_against_a_server()
    {
        // W&B's two commands: `sweep FILE` hands the file to a server, `agent ID` (started where train.py is, as
        // `wandb agent` is) trains that sweep's trials. Real processes: serve, sweep, agent.
        var project = Directory.CreateDirectory(Path.Combine(_data, "wandb-project")).FullName;
        foreach (var file in new[] { "sweep.yaml", "train.py" })
        {
            File.Copy(Path.Combine(Root, "examples", "wandb", file), Path.Combine(project, file));
        }

        var store = Path.Combine(_data, "server");
        var url = $"http://127.0.0.1:{ServeSecurityTests.FreePort()}";
        var gatewayPort = ServeSecurityTests.FreePort();
        var serveLog = new System.Text.StringBuilder();
        using var serve = ServeSecurityTests.Start(new Dictionary<string, string?> { ["AESWEEP_API_KEY"] = null }, serveLog,
            ["serve", "--urls", url, "--data", store, "--slots", "0", "--gateway-port", gatewayPort.ToString(System.Globalization.CultureInfo.InvariantCulture), "--allow-programs"]);
        Process? agent = null;
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(url) };
            await WaitForAsync(async () => (await TryGetAsync(http, "/health")) ? "up" : null, TimeSpan.FromSeconds(120), () => "serve never answered /health:\n" + serveLog);
            var (code, stdout, stderr) = Run(null, "sweep", Path.Combine(project, "sweep.yaml"), "--server", url, "--data", store);
            Assert.True(code == 0, stderr);
            var sweepId = stdout.Trim();

            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = project };
            foreach (var arg in new[] { ValidateCommandTests.CliAssembly, "agent", sweepId, "--gateway", $"127.0.0.1:{gatewayPort}", "--data", store })
            {
                start.ArgumentList.Add(arg);
            }

            agent = Process.Start(start)!;
            agent.BeginOutputReadLine();
            agent.BeginErrorReadLine();
            http.DefaultRequestHeaders.Add("X-Api-Key", (await File.ReadAllTextAsync(Path.Combine(store, "api-key"))).Trim());
            using var sweep = JsonDocument.Parse(await WaitForAsync(
                async () => await http.GetStringAsync($"/api/sweeps/{sweepId}") is { } body && body.Contains("\"state\":\"completed\"", StringComparison.Ordinal) ? body : null,
                TimeSpan.FromSeconds(300),
                () => "the agent never finished the W&B sweep"));

            var counts = sweep.RootElement.GetProperty("counts");
            Assert.Equal(8, new[] { "completed", "pruned", "failed", "cancelled" }.Sum(state => counts.TryGetProperty(state, out var n) ? n.GetInt32() : 0));
            Assert.Equal(0, counts.TryGetProperty("failed", out var failed) ? failed.GetInt32() : 0);
            Assert.True(counts.GetProperty("completed").GetInt32() > 0);
        }
        finally
        {
            if (agent is { HasExited: false })
            {
                agent.Kill(entireProcessTree: true);
            }

            agent?.Dispose();
            serve.Kill(entireProcessTree: true);
        }
    }

    private static async Task<string> WaitForAsync(Func<Task<string?>> probe, TimeSpan timeout, Func<string> failure)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < timeout)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            await Task.Delay(500);
        }

        throw new TimeoutException(failure());
    }

    private static async Task<bool> TryGetAsync(HttpClient http, string path)
    {
        try
        {
            using var response = await http.GetAsync(path);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private static (int Code, string Stdout, string Stderr) Run(IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(ValidateCommandTests.CliAssembly);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(240)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("aesweep did not exit within 240 s");
        }

        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    public void Dispose() => Directory.Delete(_data, recursive: true);
}

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

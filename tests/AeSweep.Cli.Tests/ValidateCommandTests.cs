using System.Diagnostics;

namespace AeSweep.Cli.Tests;

/// <summary>The <c>aesweep validate</c> contract, exercised on the real executable.</summary>
public sealed class ValidateCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("aesweep-cli-").FullName;

    [Fact]
    public void Valid_file_exits_zero_with_a_one_line_summary()
    {
        var (code, stdout, _) = Run("validate", Path.Combine(FindRoot(), "examples", "fashion-dense-quick.yaml"));

        Assert.Equal(0, code);
        var line = Assert.Single(stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("fashion-dense-quick.yaml: valid — fashion-dense-quick: dense on fashion-mnist", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Summary_names_constraints_and_enqueued_configurations()
    {
        var file = Write("control.yaml", """
            name: control
            dataset: fashion-mnist
            model: dense
            method: random
            parameters:
              depth: {min: 1, max: 4}
              width: {values: [64, 256, 512]}
              epochs: {value: 1}
            constraints: ["depth * width <= 1024"]
            enqueue:
              - {depth: 2, width: 256}
              - {depth: 1, width: 512}
            budget: {max_trials: 4}
            """);

        var (code, stdout, _) = Run("validate", file);

        Assert.Equal(0, code);
        Assert.Contains("search over 2 of 4 parameters (constraint 'depth * width <= 1024'; 2 enqueued configurations first)", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_file_exits_two_with_one_path_line_per_error()
    {
        var file = Write("bad.yaml", """
            dataset: fashion-mnist
            model: densse
            method: tpe
            parameters:
              depth: {min: 0, max: 3}
              epochs: {value: 1}
            budget: {max_trials: 0}
            """);

        var (code, stdout, stderr) = Run("validate", file);

        Assert.Equal(2, code);
        Assert.Equal(
            [
                "model (line 2): 'densse' is not a model family (dense, conv, denoising, sparse, vae, lstm); did you mean 'dense'?",
                "parameters.depth.min (line 5): must be an integer ≥ 1 and ≤ 16",
                "budget.max_trials (line 7): must be an integer from 1 to 1,000,000, not 0",
            ],
            stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("3 errors", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_file_exits_one_with_a_clear_message()
    {
        var (code, stdout, stderr) = Run("validate", Path.Combine(_dir, "nope.yaml"));

        Assert.Equal(1, code);
        Assert.Empty(stdout);
        Assert.Contains("no such file", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_that_never_ends_is_refused_at_the_one_mebibyte_limit_within_bounded_memory()
    {
        // A 256 MiB heap limit turns "reads /dev/zero until memory runs out" into a quick failure instead of a swap storm.
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(CliAssembly);
        start.ArgumentList.Add("validate");
        start.ArgumentList.Add("/dev/zero");
        start.Environment["DOTNET_GCHeapHardLimit"] = "0x10000000";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("validate /dev/zero did not end within 60 s");
        }

        Assert.Equal(1, process.ExitCode);
        Assert.Empty(await stdout);
        Assert.Equal("aesweep: /dev/zero: larger than 1 MiB, the limit for a sweep file", (await stderr).Trim());
    }

    [Fact]
    public void Control_characters_quoted_from_the_file_are_escaped_in_errors_and_the_summary()
    {
        var invalid = Run("validate", Write("escape.yaml", "name: x\ndataset: synthetic\nmodel: \"dense\\e[2J\"\nmethod: random\nparameters: {epochs: {value: 1}}\nbudget: {max_trials: 1}\n"));
        var valid = Run("validate", Write("title.yaml", "name: \"t\\e]0;pwned\\a\"\ndataset: synthetic\nmodel: dense\nmethod: random\nparameters: {epochs: {value: 1}}\nbudget: {max_trials: 1}\n"));

        Assert.Equal(2, invalid.Code);
        Assert.Contains("'dense\\x1b[2J' is not a model family", invalid.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, valid.Code);
        Assert.Contains("t\\x1b]0;pwned\\x07", valid.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', invalid.Stdout + valid.Stdout);
    }

    [Fact]
    public void Folder_instead_of_file_exits_one()
    {
        var (code, _, stderr) = Run("validate", _dir);

        Assert.Equal(1, code);
        Assert.Contains("is a folder", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Dataset_files_that_do_not_exist_are_reported_with_their_path()
    {
        var file = Write("idx.yaml", """
            dataset: {type: idx, images: missing-images.gz}
            model: dense
            method: random
            parameters: {epochs: {value: 1}}
            budget: {max_trials: 1}
            """);

        var (code, stdout, _) = Run("validate", file);

        Assert.Equal(2, code);
        Assert.Equal($"dataset.images (line 1): file not found: {Path.Combine(_dir, "missing-images.gz")}", stdout.Trim());
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    internal static (int Code, string Stdout, string Stderr) Run(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(CliAssembly);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
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

    // The CLI runs from its own output folder, where its TorchSharp natives (patched for Debian) live.
    internal static string CliAssembly
    {
        get
        {
            var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
            return Path.Combine(FindRoot(), "src", "AeSweep.Cli", "bin", configuration, "net10.0", "linux-x64", "aesweep.dll");
        }
    }

    internal static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "AeSweep.sln")))
        {
            dir = dir.Parent;
        }

        return dir!.FullName;
    }
}

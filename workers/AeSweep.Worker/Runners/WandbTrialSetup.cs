using System.Diagnostics;
using AeSweep.Core.Definitions;
using AeSweep.Core.Definitions.Wandb;
using AeSweep.Core.Search;

namespace AeSweep.Worker.Runners;

/// <summary>
/// What a W&amp;B-flavoured program trial gets besides AeSweep's usual environment: its arguments from W&amp;B's command
/// template, the nested configuration (<c>AESWEEP_WANDB_CONFIG</c>) and the sweep's metric (<c>AESWEEP_METRIC</c>) for the
/// shim, and AeSweep's <c>wandb</c> module first on PYTHONPATH unless the sweep or the worker
/// (<c>AESWEEP_WANDB_SHIM=0</c>) turned it off. Only the trial's own environment changes: a real wandb installation stays
/// where it is, merely behind the shim on the path.
/// </summary>
internal static class WandbTrialSetup
{
    /// <summary>The worker's switch: <c>AESWEEP_WANDB_SHIM=0</c> runs W&amp;B trials against whatever wandb Python finds.</summary>
    public const string ShimSwitch = "AESWEEP_WANDB_SHIM";

    private const string ShimResource = "AeSweep.Worker.WandbShim.wandb.__init__.py";

    /// <summary>Adds the W&amp;B arguments and environment to <paramref name="start"/> (whose command is already set).</summary>
    public static void Apply(ProcessStartInfo start, ProgramSpec program, TrialRunContext context)
    {
        var parameters = context.Assignment.Parameters;
        var nested = program.NestedParameters.IsDefault ? [] : program.NestedParameters;
        var privateDirectory = Path.Combine(context.ArtifactDirectory, ".aesweep");
        Directory.CreateDirectory(privateDirectory);
        var argsFile = Path.Combine(privateDirectory, "args.json");
        var json = WandbCommand.NestedJson(parameters, nested);
        File.WriteAllText(argsFile, json);
        foreach (var argument in WandbCommand.Expand(program.Command.Skip(1), parameters, nested, argsFile, Environment.GetEnvironmentVariable))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["AESWEEP_WANDB_CONFIG"] = json;
        start.Environment["AESWEEP_METRIC"] = context.MetricName;
        start.Environment["AESWEEP_SWEEP_ID"] = context.Assignment.SweepId;
        if (program.WandbShim && Environment.GetEnvironmentVariable(ShimSwitch) != "0")
        {
            var shimRoot = Path.Combine(privateDirectory, "shim");
            InstallShim(shimRoot);
            var existing = start.Environment.TryGetValue("PYTHONPATH", out var path) && !string.IsNullOrEmpty(path) ? ":" + path : string.Empty;
            start.Environment["PYTHONPATH"] = shimRoot + existing;
        }
    }

    /// <summary>Writes the shim's package under <paramref name="root"/> (<c>root/wandb/__init__.py</c>).</summary>
    public static void InstallShim(string root)
    {
        var package = Path.Combine(root, "wandb");
        Directory.CreateDirectory(package);
        using var source = typeof(WandbTrialSetup).Assembly.GetManifestResourceStream(ShimResource)
            ?? throw new InvalidOperationException($"the wandb shim ({ShimResource}) is missing from {typeof(WandbTrialSetup).Assembly.GetName().Name}");
        using var target = File.Create(Path.Combine(package, "__init__.py"));
        source.CopyTo(target);
    }

    /// <summary>The parameters of <paramref name="parameters"/> as AeSweep passes them to a non-W&amp;B program.</summary>
    public static IEnumerable<string> FlagArguments(IReadOnlyDictionary<string, ParameterValue> parameters) =>
        parameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"--{p.Key}={p.Value}");
}

using System.Collections.Immutable;

namespace AeSweep.Core.Definitions;

/// <summary>
/// An external trainer (W&amp;B's <c>program:</c>): run once per trial with the parameters as
/// <c>--name=value</c> arguments and as JSON in <c>AESWEEP_PARAMS</c>; it reports JSON lines on stdout.
/// </summary>
/// <param name="Command">The command and its fixed arguments.</param>
/// <param name="WorkingDirectory">Where to run it (null: the sweep file's folder).</param>
/// <param name="AskTell">
/// <c>program: {ask_tell: true}</c>: no command; a trainer outside AeSweep asks for trials and tells their results
/// through the REST API (Optuna's ask-and-tell), so no worker ever runs this sweep's trials.
/// </param>
public sealed record ProgramSpec(ImmutableArray<string> Command, string? WorkingDirectory = null, bool AskTell = false)
{
    /// <summary>An ask-and-tell program: nothing to run, trials come and go through the API.</summary>
    public static ProgramSpec External { get; } = new([], null, AskTell: true);

    /// <summary>
    /// A W&amp;B sweep's command: <see cref="Command"/> is W&amp;B's template with <c>${args}</c>, <c>${args_no_hyphens}</c>,
    /// <c>${args_json}</c> and <c>${args_json_file}</c> left in, expanded per trial (<see cref="Wandb.WandbCommand"/>), and no
    /// <c>--name=value</c> arguments are added beside them.
    /// </summary>
    public bool WandbArguments { get; init; }

    /// <summary>Put AeSweep's <c>wandb</c> module first on the trial's PYTHONPATH (W&amp;B sweeps; off with <c>wandb_shim: false</c>).</summary>
    public bool WandbShim { get; init; }

    /// <summary>
    /// Parameters that came from nested <c>parameters:</c> blocks, by their dotted names: the program gets them nested
    /// again (<c>${args_json}</c>, <c>wandb.config</c>).
    /// </summary>
    public ImmutableArray<string> NestedParameters { get; init; } = [];

    /// <inheritdoc />
    public bool Equals(ProgramSpec? other) =>
        other is not null && Command.SequenceEqual(other.Command) && WorkingDirectory == other.WorkingDirectory && AskTell == other.AskTell
        && WandbArguments == other.WandbArguments && WandbShim == other.WandbShim
        && NestedParameters.SequenceEqual(other.NestedParameters);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Command.Length, WorkingDirectory, AskTell, WandbArguments, WandbShim);
}

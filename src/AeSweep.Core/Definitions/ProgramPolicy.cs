using System.Collections.Immutable;

namespace AeSweep.Core.Definitions;

/// <summary>
/// Which <c>program:</c> sweeps a process accepts and runs: none (the default of <c>serve</c>, <c>coordinator</c> and
/// <c>worker</c>), any (<c>--allow-programs</c>, and <c>aesweep run</c> for its own file), or those whose command starts
/// with an allowed executable (<c>--allow-program EXECUTABLE</c>), compared by resolved path (PATH lookup, then every
/// link resolved), so that <c>python3</c> and <c>/usr/bin/python3</c> are the same program and a link named like an
/// allowed one is not. A program sweep runs arbitrary commands as the worker's user, hence an operator's decision.
/// Ask-and-tell sweeps run nothing and are always accepted.
/// </summary>
public sealed class ProgramPolicy
{
    /// <summary>The option that allows every program.</summary>
    public const string AllowAnyOption = "--allow-programs";

    /// <summary>The option that allows one executable (repeatable).</summary>
    public const string AllowOneOption = "--allow-program";

    private ProgramPolicy(bool allowsAny, ImmutableArray<string> executables)
    {
        AllowsAny = allowsAny;
        Executables = executables;
    }

    /// <summary>Refuses every program sweep.</summary>
    public static ProgramPolicy None { get; } = new(false, []);

    /// <summary>Runs any program sweep.</summary>
    public static ProgramPolicy Any { get; } = new(true, []);

    /// <summary>Whether every program is allowed.</summary>
    public bool AllowsAny { get; }

    /// <summary>The allowed executables, as resolved real paths.</summary>
    public ImmutableArray<string> Executables { get; }

    /// <summary>
    /// The policy for <c>--allow-programs</c> and the <c>--allow-program</c> values; null with <paramref name="error"/>
    /// set when an executable cannot be found.
    /// </summary>
    public static ProgramPolicy? From(bool allowAny, IEnumerable<string> executables, out string? error)
    {
        error = null;
        if (allowAny)
        {
            return Any;
        }

        var resolved = ImmutableArray.CreateBuilder<string>();
        foreach (var executable in executables.Where(e => !string.IsNullOrWhiteSpace(e)))
        {
            if (ExecutableResolver.Resolve(executable, Environment.CurrentDirectory) is not { } path)
            {
                error = $"{AllowOneOption} {executable}: not an executable file, nor a name found on PATH";
                return null;
            }

            resolved.Add(ExecutableResolver.RealPath(path));
        }

        return resolved.Count == 0 ? None : new ProgramPolicy(false, resolved.ToImmutable());
    }

    /// <summary>
    /// Null when <paramref name="program"/> may run here, otherwise why not, naming the options that would allow it.
    /// </summary>
    public string? Refusal(ProgramSpec? program)
    {
        if (program is null || program.AskTell || AllowsAny)
        {
            return null;
        }

        var command = program.Command.IsDefaultOrEmpty ? "(no command)" : program.Command[0];
        if (Executables.IsEmpty)
        {
            return $"program sweeps run commands as this server's user, and this process was not started with {AllowAnyOption} or {AllowOneOption} EXECUTABLE; '{command}' was not run";
        }

        var path = program.Command.IsDefaultOrEmpty ? null : ExecutableResolver.Resolve(command, program.WorkingDirectory ?? Environment.CurrentDirectory);
        if (path is not null && Executables.Contains(ExecutableResolver.RealPath(path), StringComparer.Ordinal))
        {
            return null;
        }

        var what = path is null ? $"'{command}' is not an executable found here" : $"'{command}' ({ExecutableResolver.RealPath(path)}) is not allowed";
        return $"{what}; this process runs only programs allowed with {AllowOneOption} ({string.Join(", ", Executables)}), or any with {AllowAnyOption}";
    }

    /// <summary>
    /// The program as it must be started when allowed: the command's first element replaced by the absolute path that
    /// was checked, so what runs is what the policy allowed. Unchanged under <see cref="Any"/>.
    /// </summary>
    public ProgramSpec Pinned(ProgramSpec program)
    {
        if (AllowsAny || program.AskTell || program.Command.IsDefaultOrEmpty
            || ExecutableResolver.Resolve(program.Command[0], program.WorkingDirectory ?? Environment.CurrentDirectory) is not { } path)
        {
            return program;
        }

        return program with { Command = program.Command.SetItem(0, path) };
    }
}

using System.CommandLine;
using AeSweep.Core.Definitions;

namespace AeSweep.Cli.Commands;

/// <summary>
/// <c>--allow-programs</c> and <c>--allow-program EXECUTABLE</c>: whether this process accepts and runs <c>program:</c>
/// sweeps, which run arbitrary commands as its user. Without either, it refuses them.
/// </summary>
internal sealed class ProgramOptions
{
    public Option<bool> AllowAny { get; } = new(ProgramPolicy.AllowAnyOption)
    {
        Description = "Accept and run program: sweeps whatever their command (they run as this process's user).",
    };

    public Option<string[]> Allowed { get; } = new(ProgramPolicy.AllowOneOption)
    {
        Description = "Accept and run program: sweeps whose command starts with this executable (a name on PATH or a path; compared by resolved real path). Repeatable.",
        Arity = ArgumentArity.ZeroOrMore,
    };

    public void AddTo(Command command)
    {
        command.Options.Add(AllowAny);
        command.Options.Add(Allowed);
    }

    /// <summary>The policy asked for, or null with a message naming the executable that cannot be found.</summary>
    public ProgramPolicy? Policy(ParseResult parse, out string? error)
    {
        var policy = ProgramPolicy.From(parse.GetValue(AllowAny), parse.GetValue(Allowed) ?? [], out error);
        error = error is null ? null : $"aesweep: {error}";
        return policy;
    }
}

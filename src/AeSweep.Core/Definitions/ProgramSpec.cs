using System.Collections.Immutable;

namespace AeSweep.Core.Definitions;

/// <summary>
/// An external trainer (W&amp;B's <c>program:</c>): run once per trial with the parameters as
/// <c>--name=value</c> arguments and as JSON in <c>AESWEEP_PARAMS</c>; it reports JSON lines on stdout.
/// </summary>
/// <param name="Command">The command and its fixed arguments.</param>
/// <param name="WorkingDirectory">Where to run it (null: the sweep file's folder).</param>
public sealed record ProgramSpec(ImmutableArray<string> Command, string? WorkingDirectory = null)
{
    /// <inheritdoc />
    public bool Equals(ProgramSpec? other) =>
        other is not null && Command.SequenceEqual(other.Command) && WorkingDirectory == other.WorkingDirectory;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Command.Length, WorkingDirectory);
}

namespace AeSweep.Core.Definitions;

/// <summary>How a sweep file is read.</summary>
/// <param name="SourceName">The file name, for the default sweep name (its stem) and messages.</param>
/// <param name="BaseDirectory">Relative dataset and program paths are resolved against this folder (the sweep file's); null leaves them as written.</param>
/// <param name="CheckFilesExist">Report dataset files that do not exist (true for the CLI's <c>validate</c> on the machine that will train).</param>
public sealed record SweepParseOptions(string? SourceName = null, string? BaseDirectory = null, bool CheckFilesExist = false)
{
    /// <summary>Defaults: no source name, paths as written, no file checks.</summary>
    public static SweepParseOptions Default { get; } = new();
}

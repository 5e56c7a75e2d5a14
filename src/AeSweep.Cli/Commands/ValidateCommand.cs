using System.CommandLine;
using AeSweep.Core.Definitions;

namespace AeSweep.Cli.Commands;

/// <summary>
/// <c>aesweep validate FILE</c>: exit 0 with a one-line summary when the sweep file is valid; exit 2 with one
/// <c>PATH: message</c> line per error when it is not; exit 1 when the file cannot be read.
/// </summary>
internal static class ValidateCommand
{
    public const int Valid = 0;
    public const int Unreadable = 1;
    public const int Invalid = 2;

    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "The sweep file (YAML or JSON)." };
        var command = new Command("validate", "Check a sweep file and report every problem with its field path and line.") { file };
        command.SetAction(parse => Run(parse.GetValue(file)!, Console.Out, Console.Error));
        return command;
    }

    public static int Run(FileInfo file, TextWriter output, TextWriter error)
    {
        SweepParseResult result;
        try
        {
            result = SweepDefinitionParser.ParseFile(file.FullName);
        }
        catch (SweepFileUnreadableException ex)
        {
            error.WriteLine($"aesweep: {DescribeUnreadable(file, ex)}");
            return Unreadable;
        }

        if (!result.IsValid)
        {
            foreach (var problem in result.Errors)
            {
                // Messages quote the file's values, which YAML escapes ("\e") can fill with control characters.
                output.WriteLine(TerminalText.Escape(problem.ToString()));
            }

            error.WriteLine($"{file.Name}: {result.Errors.Count} error{(result.Errors.Count == 1 ? string.Empty : "s")}{FlavorNote(result)}");
            return Invalid;
        }

        output.WriteLine($"{file.Name}: valid{FlavorNote(result)} — {TerminalText.Escape(SweepSummary.Describe(result.Definition!))}");
        return Valid;
    }

    /// <summary>Which dialect the file was read in, when it is W&amp;B's or named explicitly (AeSweep's own needs no note).</summary>
    private static string FlavorNote(SweepParseResult result) => result.Flavor == SweepFlavor.Wandb
        ? $" (read as a W&B sweep file: {TerminalText.Escape(result.FlavorReason)})"
        : result.FlavorReason.StartsWith("flavor:", StringComparison.Ordinal) ? $" (read as an AeSweep sweep file: {result.FlavorReason})" : string.Empty;

    private static string DescribeUnreadable(FileInfo file, SweepFileUnreadableException ex) => ex.InnerException switch
    {
        FileNotFoundException => $"no such file: {file.FullName}",
        DirectoryNotFoundException => $"no such folder for: {file.FullName}",
        UnauthorizedAccessException when Directory.Exists(file.FullName) => $"{file.FullName} is a folder, not a sweep file",
        UnauthorizedAccessException => $"permission denied: {file.FullName}",
        InvalidDataException tooLarge => tooLarge.Message,
        _ => ex.Message,
    };
}

using AeSweep.Application;

namespace AeSweep.Cli.Commands;

/// <summary>
/// A submission the application refused after the file validated: checks that need the store, such as
/// <c>warm_start.from_sweeps</c> naming a sweep that does not exist. Printed like the validator's errors.
/// </summary>
internal static class SubmitRefusal
{
    /// <summary>True (after printing the errors and stopping the host) when <paramref name="result"/> was refused.</summary>
    public static async Task<bool> ReportAsync(SubmitResult result, IHost host)
    {
        if (result.Sweep is not null)
        {
            return false;
        }

        foreach (var error in result.Errors)
        {
            await Console.Error.WriteLineAsync(TerminalText.Escape(error.ToString()));
        }

        if (result.Refusal is { } refusal)
        {
            await Console.Error.WriteLineAsync($"aesweep: {TerminalText.Escape(refusal)}");
        }

        await host.StopAsync(CancellationToken.None);
        return true;
    }
}

using AeSweep.Application;
using AeSweep.Core.Definitions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AeSweep.Web;

/// <summary>
/// The README's demo: small Fashion-MNIST sweeps (one per model family, so each family gets enough completed trials
/// to compare) submitted when the dashboard starts on an empty database.
/// </summary>
internal static class DemoSweep
{
    public static async Task SubmitIfEmptyAsync(IServiceProvider services, IReadOnlyList<string> files, CancellationToken cancellationToken)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("AeSweep.Web.Demo");
        if ((await services.GetRequiredService<ISweepQueries>().ListSweepsAsync(new PageRequest(0, 1), cancellationToken)).Total > 0)
        {
            return;
        }

        var commands = services.GetRequiredService<ISweepCommands>();
        foreach (var file in files)
        {
            var parsed = SweepDefinitionParser.ParseFile(file);
            if (!parsed.IsValid)
            {
                logger.LogWarning("Demo sweep {File} is invalid: {Errors}", file, string.Join("; ", parsed.Errors));
                continue;
            }

            var result = await commands.SubmitAsync(parsed.Definition!, cancellationToken);
            if (result.Sweep is not { } sweep)
            {
                logger.LogWarning("Demo sweep {File} was not submitted: {Reason}", file, result.Refusal);
                continue;
            }

            logger.LogInformation("Demo sweep {SweepId} ({SweepName}) submitted", sweep.Id, sweep.Name);
        }
    }
}

using AeSweep.Application;
using AeSweep.Core.Definitions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AeSweep.Web;

/// <summary>The README's demo: a small Fashion-MNIST sweep submitted when the dashboard starts on an empty database.</summary>
internal static class DemoSweep
{
    public static async Task SubmitIfEmptyAsync(IServiceProvider services, string file, CancellationToken cancellationToken)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("AeSweep.Web.Demo");
        if ((await services.GetRequiredService<ISweepQueries>().ListSweepsAsync(new PageRequest(0, 1), cancellationToken)).Total > 0)
        {
            return;
        }

        var parsed = SweepDefinitionParser.ParseFile(file);
        if (!parsed.IsValid)
        {
            logger.LogWarning("Demo sweep {File} is invalid: {Errors}", file, string.Join("; ", parsed.Errors));
            return;
        }

        var result = await services.GetRequiredService<ISweepCommands>().SubmitAsync(parsed.Definition!, cancellationToken);
        if (result.Sweep is not { } sweep)
        {
            logger.LogWarning("Demo sweep {File} was not submitted: {Reason}", file, result.Refusal);
            return;
        }

        logger.LogInformation("Demo sweep {SweepId} ({SweepName}) submitted", sweep.Id, sweep.Name);
    }
}

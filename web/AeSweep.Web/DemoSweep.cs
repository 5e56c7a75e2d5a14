using AeSweep.Cluster;
using AeSweep.Core.Definitions;
using AeSweep.Storage;
using AeSweep.Storage.Model;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AeSweep.Web;

/// <summary>The README's demo: a small Fashion-MNIST sweep submitted when the dashboard starts on an empty database.</summary>
internal static class DemoSweep
{
    public static async Task SubmitIfEmptyAsync(IServiceProvider services, string file, CancellationToken cancellationToken)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("AeSweep.Web.Demo");
        var store = services.GetRequiredService<ISweepReadModel>();
        if ((await store.ListSweepsAsync(0, 1, cancellationToken)).Items.Count > 0)
        {
            return;
        }

        var parsed = SweepDefinitionParser.ParseFile(file);
        if (!parsed.IsValid)
        {
            logger.LogWarning("Demo sweep {File} is invalid: {Errors}", file, string.Join("; ", parsed.Errors));
            return;
        }

        SweepSnapshot sweep;
        try
        {
            sweep = await services.GetRequiredService<SweepSubmitter>().SubmitAsync(parsed.Definition!, cancellationToken);
        }
        catch (ProgramNotAllowedException ex)
        {
            logger.LogWarning("Demo sweep {File} was not submitted: {Reason}", file, ex.Message);
            return;
        }

        logger.LogInformation("Demo sweep {SweepId} ({SweepName}) submitted", sweep.Id, sweep.Name);
    }
}

using AeSweep.Cluster;
using AeSweep.Core.Definitions;
using AeSweep.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AeSweep.Web;

/// <summary>The README's demo: a small Fashion-MNIST sweep submitted when the dashboard starts on an empty database.</summary>
internal static class DemoSweep
{
    public static async Task SubmitIfEmptyAsync(IServiceProvider services, string file, CancellationToken cancellationToken)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("AeSweep.Web.Demo");
        var store = services.GetRequiredService<ISweepStore>();
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

        var sweep = await services.GetRequiredService<SweepSubmitter>().SubmitAsync(parsed.Definition!, cancellationToken);
        logger.LogInformation("Demo sweep {SweepId} ({SweepName}) submitted", sweep.Id, sweep.Name);
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AeSweep.Hosting;

/// <summary>
/// One-line console logs on stderr (stdout stays the command's result), with Orleans' chatter turned down, and a full
/// disk reported once a minute however many grains, timers and workers run into it.
/// </summary>
public static class HostLogging
{
    public static void Configure(ILoggingBuilder logging, LogLevel logLevel)
    {
        logging.ClearProviders();
        logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
        }).SetMinimumLevel(logLevel);
        logging.AddFilter("Orleans", LogLevel.Warning).AddFilter("Microsoft", LogLevel.Warning)
            .AddFilter("Orleans.Runtime.Silo", LogLevel.Error).AddFilter("Orleans.Runtime.Watchdog", LogLevel.Error);
        logging.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        AeSweep.Storage.DiskFullLogThrottle.PaceHostLogs(logging.Services);
    }
}

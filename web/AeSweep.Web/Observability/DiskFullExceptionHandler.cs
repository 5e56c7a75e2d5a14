using AeSweep.Storage;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AeSweep.Web.Observability;

/// <summary>
/// A request that could not write because the data folder's disk is full answers 503 problem details saying so
/// (with Retry-After), instead of a bare 500; the error is logged at most once a minute. Nothing needs restarting:
/// the next write after space is freed goes through.
/// </summary>
public sealed class DiskFullExceptionHandler(DiskFullMonitor monitor, ILogger<DiskFullExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (!DiskFull.Is(exception))
        {
            return false;
        }

        monitor.Failed(exception);
        monitor.LogIfDue(logger, exception);
        httpContext.Response.Headers.RetryAfter = "60";
        await Results.Problem(
                statusCode: StatusCodes.Status503ServiceUnavailable,
                title: DiskFull.Message,
                detail: "The server could not store this change because the disk that holds its data folder is full. Free some space; it resumes by itself.")
            .ExecuteAsync(httpContext);
        return true;
    }
}

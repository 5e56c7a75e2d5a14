using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;

namespace AeSweep.Storage;

/// <summary>
/// Tells the <see cref="DiskFullMonitor"/> about every failed command and every write that went through, and logs
/// failed commands in EF Core's place (its own log of them is turned down): a disk-full one at most once a minute,
/// every other one each time, as EF would.
/// </summary>
internal sealed class DiskFullInterceptor(DiskFullMonitor monitor, ILogger? logger) : DbCommandInterceptor, ISaveChangesInterceptor
{
    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Failed(command, eventData);

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Failed(command, eventData);
        return Task.CompletedTask;
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        monitor.Wrote();
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        monitor.Wrote();
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        WroteIfAny(result);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        WroteIfAny(result);
        return ValueTask.FromResult(result);
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData) => monitor.Failed(eventData.Exception);

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        monitor.Failed(eventData.Exception);
        return Task.CompletedTask;
    }

    private void Failed(DbCommand command, CommandErrorEventData eventData)
    {
        monitor.Failed(eventData.Exception);
        if (logger is null)
        {
            return;
        }

        if (DiskFull.Is(eventData.Exception))
        {
            monitor.LogIfDue(logger, eventData.Exception);
        }
        else if (eventData.Exception is not OperationCanceledException)
        {
            // As EF's own CommandError: one entry with the SQL, no stack (the caller decides what the failure means).
            logger.LogError(RelationalEventId.CommandError, "Failed executing DbCommand ({Elapsed}ms): {Error}{NewLine}{CommandText}",
                (long)eventData.Duration.TotalMilliseconds, eventData.Exception.Message, Environment.NewLine, command.CommandText);
        }
    }

    private void WroteIfAny(int rows)
    {
        if (rows > 0)
        {
            monitor.Wrote();
        }
    }
}

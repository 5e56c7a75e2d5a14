using AeSweep.Storage.Entities;
using AeSweep.Storage.Model;
using AeSweep.Storage.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AeSweep.Storage;

// Worker registrations and heartbeats.
public sealed partial class EfSweepStore : IWorkerRegistry
{
    public async Task<WorkerSnapshot> RegisterWorkerAsync(WorkerRegistration registration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registration);
        CheckWorkerId(registration.Id);
        ArgumentException.ThrowIfNullOrWhiteSpace(registration.Host);
        ArgumentOutOfRangeException.ThrowIfLessThan(registration.Slots, 1);
        var devicesJson = DevicesJson.Write(registration.Devices ?? []);
        for (var round = 1; ; round++)
        {
            await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
            var now = Now();
            var worker = await db.Workers.SingleOrDefaultAsync(w => w.Id == registration.Id, cancellationToken);
            if (worker is null)
            {
                worker = new WorkerEntity { Id = registration.Id, Host = registration.Host, DevicesJson = devicesJson, RegisteredAt = now };
                db.Workers.Add(worker);
            }

            worker.Host = registration.Host;
            worker.DevicesJson = devicesJson;
            worker.Slots = registration.Slots;
            worker.State = WorkerState.Online;
            worker.LastHeartbeatAt = now;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                _logger.LogInformation("Worker {WorkerId} on {Host} registered with {Slots} slot(s) and {DeviceCount} device(s)",
                    worker.Id, worker.Host, worker.Slots, registration.Devices?.Count ?? 0);
                return worker.ToSnapshot();
            }
            catch (DbUpdateException ex) when (round < MaxConflictRounds)
            {
                _logger.LogDebug(ex, "Worker {WorkerId} registered concurrently; retrying", registration.Id);
            }
        }
    }

    public async Task<bool> RecordWorkerDevicesAsync(string workerId, IReadOnlyList<WorkerDevice> devices, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(devices);
        var devicesJson = DevicesJson.Write(devices);
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var updated = await db.Workers.Where(w => w.Id == workerId)
            .ExecuteUpdateAsync(s => s.SetProperty(w => w.DevicesJson, devicesJson), cancellationToken);
        return updated > 0;
    }

    public async Task<bool> RecordWorkerHeartbeatAsync(string workerId, CancellationToken cancellationToken)
    {
        var now = Now();
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var updated = await db.Workers.Where(w => w.Id == workerId)
            .ExecuteUpdateAsync(s => s.SetProperty(w => w.LastHeartbeatAt, now).SetProperty(w => w.State, WorkerState.Online), cancellationToken);
        return updated > 0;
    }

    public async Task<bool> MarkWorkerOfflineAsync(string workerId, CancellationToken cancellationToken)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var updated = await db.Workers.Where(w => w.Id == workerId)
            .ExecuteUpdateAsync(s => s.SetProperty(w => w.State, WorkerState.Offline), cancellationToken);
        if (updated > 0)
        {
            _logger.LogInformation("Worker {WorkerId} is offline", workerId);
        }

        return updated > 0;
    }

    public async Task<IReadOnlyList<string>> MarkSilentWorkersOfflineAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        var cutoff = Now() - timeout;
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var silent = await db.Workers.Where(w => w.State == WorkerState.Online && w.LastHeartbeatAt < cutoff)
            .OrderBy(w => w.Id).Select(w => w.Id).ToListAsync(cancellationToken);
        if (silent.Count == 0)
        {
            return [];
        }

        // The same condition again: a worker whose heartbeat arrived in between stays online.
        await db.Workers.Where(w => silent.Contains(w.Id) && w.State == WorkerState.Online && w.LastHeartbeatAt < cutoff)
            .ExecuteUpdateAsync(s => s.SetProperty(w => w.State, WorkerState.Offline), cancellationToken);
        _logger.LogWarning("Workers silent since {Cutoff} marked offline: {WorkerIds}", cutoff, string.Join(", ", silent));
        return silent;
    }

    public async Task<IReadOnlyList<WorkerSnapshot>> ListWorkersAsync(CancellationToken cancellationToken)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var workers = await db.Workers.AsNoTracking().OrderBy(w => w.Id).ToListAsync(cancellationToken);
        return [.. workers.Select(w => w.ToSnapshot())];
    }
}

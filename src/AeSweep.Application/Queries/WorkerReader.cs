using AeSweep.Application.Contracts;
using AeSweep.Storage;

namespace AeSweep.Application.Queries;

/// <summary>Workers for display. Store member used: <c>ListWorkersAsync</c> (<c>IWorkerRegistry</c> once split).</summary>
public sealed class WorkerReader(ISweepReadModel store)
{
    public async Task<WorkerListView> ListAsync(CancellationToken cancellationToken) =>
        new((await store.ListWorkersAsync(cancellationToken)).Select(ContractMapping.Worker).ToList());
}
